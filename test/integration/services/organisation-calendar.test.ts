import { afterEach, describe, expect, it } from 'vitest';
import { registerAppeal } from '../../../electron/services/appeals/register-appeal';
import { getCalendarYear, saveCalendarSettings } from '../../../electron/services/calendar/calendar-service';
import { calendarSettingsSchema } from '../../../shared/calendar';
import { AppError } from '../../../shared/errors';
import { draft, makeTestServices } from '../../helpers/test-services';

let env: ReturnType<typeof makeTestServices>;
afterEach(() => env?.cleanup());

const admin = () => ({
  ...env.clerk,
  session: { user: { ...env.clerk.session.user!, roles: ['admin' as const, 'clerk' as const] } },
});

describe("the organisation's calendar", () => {
  it("moves a review deadline off the organisation's own day off", () => {
    env = makeTestServices();
    saveCalendarSettings(admin(), {
      settings: calendarSettingsSchema.parse({
        exceptions: [{ date: '2026-03-25', working: false, note: 'санитарный день' }],
      }),
    });
    const r = registerAppeal(env.clerk, { id: null, draft: draft(), expectedVersion: null });
    // 15 days after 10.03 end on 25.03 — the organisation's day off — so the term ends on 26.03.
    expect(r.deadlineAt).toBe('2026-03-26T23:59:59.999+03:00');
    const year = getCalendarYear(env.clerk, { year: 2026 });
    expect(year.days).toHaveLength(365);
    expect(year.days.find((d) => d.date === '2026-03-25')).toMatchObject({ working: false });
    expect(year.days.find((d) => d.date === '2026-04-25')).toMatchObject({ working: true }); // transfer Saturday
  });

  it('only the administrator may change it, and bad data is refused in Russian', () => {
    env = makeTestServices();
    const empty = calendarSettingsSchema.parse({});
    expect(() => saveCalendarSettings(env.clerk, { settings: empty })).toThrow(AppError);
    const bad = calendarSettingsSchema.parse({
      transfers: [{ year: 2027, dayOff: '2027-01-09', workday: '2027-01-16', source: 'проект' }],
    });
    expect(() => saveCalendarSettings(admin(), { settings: bad })).toThrow(/должен быть будним/);
  });
});
