/**
 * When demo appeals arrive and are registered: spread over the two years before `now`, mostly in
 * working hours of working days (post and reception), the portal around the clock; registration
 * minutes to hours after receipt, or the next working morning (regulation 4.4).
 */
import type { AppealSource } from '../appeals/enums';
import { addDays, fromMinsk, minskDateOf, NATIONAL_CALENDAR, toMinsk } from '../calendar';
import type { Rng } from './prng';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Two years back, less a few days so moving to the previous working day stays inside them. */
export const HISTORY_DAYS = 724;
/** Unregistered cards are recent: they arrived within this many days. */
export const PENDING_DAYS = 10;

const isWorking = (date: string) => NATIONAL_CALENDAR.isWorkingDay(date).working;
const at = (date: string, hour: number, minute: number) => fromMinsk(date, hour * HOUR + minute * MINUTE);

/** A moment inside office hours (9:00–17:30) of `date`. */
function officeTime(rng: Rng, date: string, source: AppealSource): Date {
  if (source === 'reception') return at(date, rng.pick([9, 10, 11, 14, 15, 16]), rng.int(0, 59));
  if (source === 'post') return at(date, rng.int(9, 12), rng.int(0, 59));
  return at(date, rng.int(9, 16), rng.int(0, 59));
}

export function receiptTime(rng: Rng, now: Date, source: AppealSource, pending: boolean): Date {
  const daysBack = pending ? Math.floor(rng.next() ** 1.5 * PENDING_DAYS) : rng.int(1, HISTORY_DAYS);
  let date = addDays(minskDateOf(now), -daysBack);
  const aroundTheClock = (source === 'portal' || source === 'json') && rng.chance(0.3);
  let received: Date;
  if (aroundTheClock) {
    received = at(date, rng.int(0, 23), rng.int(0, 59));
  } else {
    if (!isWorking(date))
      date = rng.chance(0.5) ? NATIONAL_CALENDAR.firstWorkingDayFrom(date) : previousWorkingDay(date);
    received = officeTime(rng, date, source);
  }
  const latest = now.getTime() - rng.int(1, 90) * MINUTE;
  return received.getTime() > latest ? new Date(latest) : received;
}

function previousWorkingDay(date: string): string {
  let d = addDays(date, -1);
  while (!isWorking(d)) d = addDays(d, -1);
  return d;
}

/** Registration the same working day (minutes to hours later), or the next working morning. */
export function registrationTime(rng: Rng, received: Date): Date {
  const { date, msOfDay } = toMinsk(received);
  const delay = Math.round(rng.next() ** 2 * 3 * 3600) * 1000 + 5 * MINUTE;
  const sameDay = isWorking(date) && msOfDay >= 8 * HOUR && msOfDay + delay <= 17 * HOUR + 45 * MINUTE;
  if (sameDay) return new Date(received.getTime() + delay);
  const day = msOfDay < 8 * HOUR && isWorking(date) ? date : NATIONAL_CALENDAR.nextWorkingDay(date);
  const registered = new Date(at(day, 9, rng.int(0, 150)).getTime() + rng.int(0, 59) * 1000);
  return registered.getTime() > received.getTime() ? registered : new Date(received.getTime() + delay);
}
