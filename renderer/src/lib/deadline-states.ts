import type { AppealRow } from '../../../shared/appeals';
import type { DeadlineState } from '../../../shared/deadlines';

/**
 * The deadline states the server computed for the rows the list loaded, so the card opened from the
 * list shows the same badge without re-implementing the working calendar in the renderer. An entry
 * counts only while fresh and while the card still has the same status and deadline.
 */
interface Known {
  status: AppealRow['status'];
  deadlineAt: number;
  state: DeadlineState;
  at: number;
}

const FRESH_MS = 10 * 60_000;
const MAX_ENTRIES = 5_000;
const known = new Map<string, Known>();

const instant = (iso: string | null): number => (iso ? Date.parse(iso) : Number.NaN);

export function rememberDeadlineStates(rows: readonly AppealRow[], now: number = Date.now()): void {
  if (known.size > MAX_ENTRIES) known.clear();
  for (const row of rows) {
    if (row.deadlineState) {
      known.set(row.id, { status: row.status, deadlineAt: instant(row.deadlineAt), state: row.deadlineState, at: now });
    } else {
      known.delete(row.id);
    }
  }
}

export function knownDeadlineState(
  card: { id: string; status: AppealRow['status']; deadlineAt: string | null },
  now: number = Date.now(),
): DeadlineState | null {
  const entry = known.get(card.id);
  if (!entry || now - entry.at > FRESH_MS) return null;
  if (entry.status !== card.status || entry.deadlineAt !== instant(card.deadlineAt)) return null;
  return entry.state;
}
