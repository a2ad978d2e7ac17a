import { minskDateOf } from '../calendar';
import type { Deadline } from '../deadlines';

/** Where a term stands at `now`: running, its last day, or passed. */
export function termState(term: Deadline, now: Date): 'ok' | 'last_day' | 'expired' {
  if (now.getTime() > term.deadline.getTime()) return 'expired';
  return minskDateOf(now) === term.day ? 'last_day' : 'ok';
}
