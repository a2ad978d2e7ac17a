import { endOfMinskDay, minskDateOf, type WorkingCalendar } from '../calendar';

/** How urgent a running deadline is, for list badges and filters (regulation 4.9: control of terms). */
export const DEADLINE_STATES = ['overdue', 'today', 'soon'] as const;
export type DeadlineState = (typeof DEADLINE_STATES)[number];

/** "Soon" means within this many working days after today. */
export const SOON_WORKING_DAYS = 3;

/**
 * The instants bounding each state at `now`: overdue = before now; today = from now to the end of
 * today (Minsk); soon = after today up to the end of the third following working day.
 */
export function deadlineWindows(
  now: Date,
  calendar: WorkingCalendar,
): Record<DeadlineState, { from: number; to: number }> {
  const today = minskDateOf(now);
  const endOfToday = endOfMinskDay(today).getTime();
  const endOfSoon = endOfMinskDay(calendar.addWorkingDays(today, SOON_WORKING_DAYS)).getTime();
  return {
    overdue: { from: Number.MIN_SAFE_INTEGER, to: now.getTime() - 1 },
    today: { from: now.getTime(), to: endOfToday },
    soon: { from: endOfToday + 1, to: endOfSoon },
  };
}

export function deadlineState(
  deadline: number,
  windows: Record<DeadlineState, { from: number; to: number }>,
): DeadlineState | null {
  return DEADLINE_STATES.find((state) => deadline >= windows[state].from && deadline <= windows[state].to) ?? null;
}
