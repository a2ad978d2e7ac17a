import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonthsClamped,
  endOfMinskDay,
  formatMinsk,
  minskDateOf,
  type OrganisationException,
  WorkingCalendar,
} from '../../../../shared/calendar';
import {
  clampDueDate,
  REVIEW_TERMS,
  redirectDeadline,
  registrationDeadline,
  reviewDeadline,
} from '../../../../shared/deadlines';

const FROM = Date.parse('2023-01-01T00:00:00+03:00');
const TO = Date.parse('2028-06-30T00:00:00+03:00');
const anyInstant = fc.integer({ min: FROM, max: TO }).map((ms) => new Date(ms));

/** Random organisation closures (non-working exceptions) and duty days on top of the national calendar. */
const anyCalendar = fc
  .array(
    fc.record({
      offset: fc.integer({ min: 0, max: 2000 }),
      working: fc.boolean(),
    }),
    { maxLength: 40 },
  )
  .map(
    (list) =>
      new WorkingCalendar({
        exceptions: list.map(
          ({ offset, working }): OrganisationException => ({
            date: addDays('2023-01-01', offset),
            working,
            note: 'тест',
          }),
        ),
      }),
  );

describe('deadline properties', () => {
  it('a review deadline is on a working day, at its end, and never before the plain term', () => {
    fc.assert(
      fc.property(anyInstant, fc.constantFrom(...REVIEW_TERMS), anyCalendar, (registeredAt, term, calendar) => {
        const result = reviewDeadline(registeredAt, term, calendar);
        const registered = minskDateOf(registeredAt);
        const plain = term === '15d' ? addDays(registered, 15) : addMonthsClamped(registered, 1);
        expect(calendar.isWorkingDay(result.day).working).toBe(true);
        expect(result.day >= plain).toBe(true);
        expect(result.deadline.getTime()).toBe(endOfMinskDay(result.day).getTime());
        expect(formatMinsk(result.deadline).slice(10)).toBe('T23:59:59.999+03:00');
        // Nothing between the plain last day and the result is a working day.
        for (let d = plain; d < result.day; d = addDays(d, 1)) expect(calendar.isWorkingDay(d).working).toBe(false);
      }),
    );
  });

  it('a registration deadline is after the receipt, one hour after the end of a working day', () => {
    fc.assert(
      fc.property(anyInstant, anyCalendar, (receivedAt, calendar) => {
        const { deadline, day } = registrationDeadline(receivedAt, calendar);
        expect(deadline.getTime()).toBeGreaterThan(receivedAt.getTime() + 3_600_000);
        expect(calendar.isWorkingDay(day).working).toBe(true);
        expect(day >= minskDateOf(receivedAt)).toBe(true);
        expect(deadline.getTime()).toBe(endOfMinskDay(day).getTime() + 3_600_000);
      }),
    );
  });

  it('a redirect deadline is a working day at least five calendar days after registration', () => {
    fc.assert(
      fc.property(anyInstant, anyCalendar, (registeredAt, calendar) => {
        const { day } = redirectDeadline(registeredAt, calendar);
        expect(calendar.isWorkingDay(day).working).toBe(true);
        expect(day >= addDays(minskDateOf(registeredAt), 5)).toBe(true);
      }),
    );
  });

  it('a clamped due date is never later than the deadline and never moves an earlier one', () => {
    fc.assert(
      fc.property(anyInstant, anyInstant, (due, deadline) => {
        const result = clampDueDate(due, deadline);
        expect(result.due.getTime()).toBeLessThanOrEqual(deadline.getTime());
        expect(result.clamped).toBe(due.getTime() > deadline.getTime());
        if (!result.clamped) expect(result.due).toBe(due);
      }),
    );
  });
});
