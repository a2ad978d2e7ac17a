import { eq } from 'drizzle-orm';
import { appeals, reviewEvents } from '../../../db/schema';
import type { AppealActionChange } from '../../../shared/sync/protocol';
import { applyReviewCommand } from '../review/apply-review-command';
import type { ApplyContext } from './apply-context';
import { writeState } from './sync-state';

/** `sync_state` key of a review action this workstation could not apply (for an administrator). */
export const unappliedReviewKey = (commandId: string) => `unapplied_review:${commandId}`;

/**
 * `appeal.action`: a review action performed on a workstation of the organisation and accepted by the
 * central system [4.5–4.9]. Applied once: this workstation's own commands and actions already applied
 * are in `review_events`. An appeal this workstation does not hold is skipped (it cannot show it).
 * The central system's order decides, so the action is applied as it came, in a savepoint: if the
 * working copy cannot take it, it is rolled back alone and kept in `sync_state` — one action must
 * never stall the feed. Its files were downloaded before the page (download-files.ts). Returns
 * whether it was applied.
 */
export function applyReviewChange(ctx: ApplyContext, data: AppealActionChange): boolean {
  const { db, now } = ctx;
  const { commandId, command } = data;
  const seen = db
    .select({ id: reviewEvents.commandId })
    .from(reviewEvents)
    .where(eq(reviewEvents.commandId, commandId));
  if (seen.get()) return false;
  const appeal = db.select({ id: appeals.id }).from(appeals).where(eq(appeals.id, command.appealId)).get();
  if (!appeal) return false;
  try {
    db.transaction(() => applyReviewCommand(db, command, commandId, now));
    return true;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    writeState(db, unappliedReviewKey(commandId), JSON.stringify({ appealId: command.appealId, message }));
    return false;
  }
}
