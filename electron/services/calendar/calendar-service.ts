import { inTransaction } from '../../../db/open';
import { addDays, type CalendarSettings, type LocalDate } from '../../../shared/calendar';
import { requireUser } from '../auth/auth-service';
import type { CallContext } from '../context';
import { recordSecurityEvent } from '../security/record-event';
import { organisationCalendar, readCalendarSettings, writeCalendarSettings } from './org-calendar';

/** `calendar:get`: every day of a year with its status and hours, plus the stored settings. */
export function getCalendarYear(ctx: CallContext, input: { year: number }) {
  requireUser(ctx);
  const calendar = organisationCalendar(ctx.store.db);
  const days = [];
  for (let date: LocalDate = `${input.year}-01-01`; date.startsWith(String(input.year)); date = addDays(date, 1)) {
    const day = calendar.day(date);
    days.push({
      date,
      working: day.working,
      reason: day.reason,
      hours: day.hours ? `${day.hours.start}–${day.hours.end}` : null,
    });
  }
  return { settings: readCalendarSettings(ctx.store.db), days };
}

/** `calendar:save`: the administrator's hours, transfers and exceptions [4.4, 6.2]. */
export function saveCalendarSettings(ctx: CallContext, input: { settings: CalendarSettings }) {
  const admin = requireUser(ctx, 'admin');
  inTransaction(ctx.store.sqlite, () => {
    writeCalendarSettings(ctx.store.db, input.settings, ctx.clock());
    recordSecurityEvent(ctx, {
      type: 'settings-changed',
      login: admin.login,
      userId: admin.id,
      result: 'success',
      details: { setting: 'calendar' },
    });
  });
  return {};
}
