import type { WorkingCopy } from '../../../db/open';
import { inTransaction } from '../../../db/open';
import { type ChangesPage, changeSchema } from '../../../shared/sync/protocol';
import { organisationOf } from '../appeals/save-appeal';
import type { AttachmentStore } from '../attachments/attachment-store';
import { applyChange } from './apply-change';
import { readCursor, writeCursor, writeState } from './sync-state';
import { ensureSyncUser } from './sync-user';

export interface PageOutcome {
  /** Changes that wrote something. */
  applied: number;
  /** Known changes that were already reflected (or older than the stored cursor). */
  unchanged: number;
  /** Change types this version does not know: skipped by design (protocol.ts). */
  unknown: number;
  /** Known types that fail the schema: kept in sync_state as `invalid_change:<seq>` for an administrator. */
  invalid: number;
  cursor: number;
}

const KNOWN_TYPES: ReadonlySet<string> = new Set(changeSchema.options.map((option) => option.shape.type.value));

function typeOf(raw: unknown): string | null {
  const type = (raw as { type?: unknown } | null)?.type;
  return typeof type === 'string' ? type : null;
}

/**
 * Applies one page and stores its cursor in ONE transaction (design.md, "Pull"): a crash leaves
 * either nothing of the page or all of it with the new cursor. Changes at or below the stored cursor
 * are skipped, so even a page delivered twice changes nothing the second time.
 */
export function applyPage(store: WorkingCopy, files: AttachmentStore, page: ChangesPage, now: Date): PageOutcome {
  return inTransaction(store.sqlite, () => {
    const { db } = store;
    const before = readCursor(db);
    const orgId = organisationOf(db).id;
    const ctx = { db, files, now, orgId, userId: ensureSyncUser(db, orgId, now) };
    const outcome: PageOutcome = { applied: 0, unchanged: 0, unknown: 0, invalid: 0, cursor: before };
    for (const raw of page.changes) {
      const type = typeOf(raw);
      if (type === null || !KNOWN_TYPES.has(type)) {
        outcome.unknown += 1;
        continue;
      }
      const parsed = changeSchema.safeParse(raw);
      if (!parsed.success) {
        const seq = (raw as { seq?: unknown }).seq;
        writeState(db, `invalid_change:${String(seq)}`, JSON.stringify({ raw, issues: parsed.error.issues }));
        outcome.invalid += 1;
        continue;
      }
      if (parsed.data.seq <= before) outcome.unchanged += 1;
      else if (applyChange(ctx, parsed.data)) outcome.applied += 1;
      else outcome.unchanged += 1;
    }
    outcome.cursor = Math.max(before, page.next);
    writeCursor(db, outcome.cursor);
    return outcome;
  });
}
