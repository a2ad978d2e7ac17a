import type { ReviewCommand } from '../../shared/review/actions';
import type { Sqlite } from './open-store';

/** Stores a review action as applied (inside the command's transaction): the appeal's event log. */
export function recordAppealEvent(
  db: Sqlite,
  orgId: string,
  commandId: string,
  command: ReviewCommand,
  now: Date,
): void {
  db.prepare(
    `INSERT INTO appeal_events (org_id, command_id, appeal_id, action_type, status_before, status_after, command, applied_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    orgId,
    commandId,
    command.appealId,
    command.action.type,
    command.statusBefore,
    command.statusAfter,
    JSON.stringify(command),
    now.getTime(),
  );
}
