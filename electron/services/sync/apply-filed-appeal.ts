import { closeSync, openSync, readSync } from 'node:fs';
import { inArray } from 'drizzle-orm';
import { appeals, appealTopics, attachments, topics } from '../../../db/schema';
import { registrationDeadline } from '../../../shared/deadlines';
import type { FiledAppeal } from '../../../shared/sync/protocol';
import { mimeTypeOf } from '../../../shared/validation';
import { draftColumns } from '../appeals/appeal-row-mapping';
import type { AttachmentStore } from '../attachments/attachment-store';
import { organisationCalendar } from '../calendar/org-calendar';
import { recordHistory } from '../history/record-history';
import type { ApplyContext } from './apply-context';

function headOf(files: AttachmentStore, sha256: string): Uint8Array {
  if (!files.has(sha256)) return new Uint8Array();
  const fd = openSync(files.pathOf(sha256), 'r');
  try {
    const head = new Uint8Array(64);
    return head.subarray(0, readSync(fd, head, 0, head.length, 0));
  } finally {
    closeSync(fd);
  }
}

/**
 * `appeal.filed`: an appeal from the portal becomes a local card in status «поступило» under the
 * central id, with its files (downloaded before the transaction), the registration deadline and
 * history. INSERT OR IGNORE: a second application of the same change adds nothing. Returns whether
 * the card was created.
 */
export function applyFiledAppeal(ctx: ApplyContext, filed: FiledAppeal): boolean {
  const { db, now } = ctx;
  const draft = { ...filed.draft, attachments: [], responsibleHeadId: null };
  const term = registrationDeadline(new Date(draft.receivedAt), organisationCalendar(db));
  const inserted = db
    .insert(appeals)
    .values({
      ...draftColumns(draft),
      id: filed.id,
      orgId: ctx.orgId,
      status: 'received',
      deadlineAt: term.deadline.getTime(),
      deadlineExplanation: term.explanation,
      createdBy: ctx.userId,
      createdAt: now.getTime(),
      updatedAt: now.getTime(),
    })
    .onConflictDoNothing({ target: appeals.id })
    .run();
  if (inserted.changes === 0) return false;
  const codes = draft.topicCodes;
  const known = new Set(
    codes.length === 0
      ? []
      : db
          .select({ code: topics.code })
          .from(topics)
          .where(inArray(topics.code, codes))
          .all()
          .map((t) => t.code),
  );
  codes
    .filter((code) => known.has(code))
    .forEach((topicCode, position) => {
      db.insert(appealTopics).values({ appealId: filed.id, topicCode, position }).onConflictDoNothing().run();
    });
  const missing: string[] = [];
  filed.files.forEach((file, position) => {
    if (!ctx.files.has(file.sha256)) missing.push(file.name);
    db.insert(attachments)
      .values({
        appealId: filed.id,
        sha256: file.sha256,
        name: file.name,
        size: file.size,
        type: mimeTypeOf(file.name, headOf(ctx.files, file.sha256)),
        position,
        addedAt: now.getTime(),
        addedBy: ctx.userId,
      })
      .run();
  });
  const note = missing.length > 0 ? `; не получены файлы: ${missing.join(', ')}` : '';
  recordHistory(db, {
    appealId: filed.id,
    userId: ctx.userId,
    at: now,
    action: 'received',
    text: `Поступило из системы обращений${note}`,
    changes: [{ field: 'Срок регистрации', from: '', to: term.explanation }],
  });
  return true;
}
