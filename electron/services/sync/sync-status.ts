import { asc, count, eq } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { appeals, outbox } from '../../../db/schema';
import { toMinskIso } from '../../../shared/calendar';

/** A command the central system refused: the clerk's "needs attention" list (never silently dropped). */
export interface RejectedCommand {
  commandId: string;
  type: string;
  appealId: string | null;
  /** For a ReviewAction: the review action refused (shared/review REVIEW_ACTION_NAMES names it), else null. */
  action: string | null;
  /** The card's current number (still provisional when its registration was refused). */
  regNumber: string | null;
  reason: { code: string; message: string };
  /** When it was refused (Minsk time, ISO). */
  at: string;
}

export interface SyncStatus {
  /** The last round reached the central system and finished. */
  online: boolean;
  lastSyncAt: string | null;
  /** Russian, for the clerk; null after a successful round. */
  lastError: string | null;
  /** Commands waiting to be sent. */
  pending: number;
  rejected: RejectedCommand[];
  /** The running pull's progress when the server says how much remains (see PullProgress). */
  progress: { first: boolean; done: number; total: number } | null;
}

function parseReason(text: string | null): RejectedCommand['reason'] {
  try {
    const value = JSON.parse(text ?? '') as Partial<RejectedCommand['reason']>;
    return { code: String(value.code ?? 'REJECTED'), message: String(value.message ?? '') };
  } catch {
    return { code: 'REJECTED', message: text ?? '' };
  }
}

/** The review action a ReviewAction command carries [4.5–4.9] (its payload is a ReviewCommand). */
function reviewActionOf(type: string, payload: string): string | null {
  if (type !== 'ReviewAction') return null;
  try {
    const action = (JSON.parse(payload) as { action?: { type?: unknown } } | null)?.action?.type;
    return typeof action === 'string' ? action : null;
  } catch {
    return null;
  }
}

export function pendingCount(db: Db): number {
  return db.select({ n: count() }).from(outbox).where(eq(outbox.state, 'pending')).get()?.n ?? 0;
}

export function rejectedCommands(db: Db): RejectedCommand[] {
  return db
    .select({ row: outbox, regNumber: appeals.regNumber })
    .from(outbox)
    .leftJoin(appeals, eq(appeals.id, outbox.appealId))
    .where(eq(outbox.state, 'rejected'))
    .orderBy(asc(outbox.seq))
    .all()
    .map(({ row, regNumber }) => ({
      commandId: row.commandId,
      type: row.type,
      action: reviewActionOf(row.type, row.payload),
      appealId: row.appealId,
      regNumber,
      reason: parseReason(row.lastError),
      at: toMinskIso(new Date(row.settledAt ?? row.createdAt)),
    }));
}
