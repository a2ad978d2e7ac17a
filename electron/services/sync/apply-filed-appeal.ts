import { registrationDeadline } from '../../../shared/deadlines';
import type { FiledAppeal } from '../../../shared/sync/protocol';
import { organisationCalendar } from '../calendar/org-calendar';
import { recordHistory } from '../history/record-history';
import type { ApplyContext } from './apply-context';
import { insertRemoteCard, linkRemoteChildren, missingFilesNote } from './remote-card';

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
  const created = insertRemoteCard(ctx, filed.id, draft, {
    status: 'received',
    deadlineAt: term.deadline.getTime(),
    deadlineExplanation: term.explanation,
  });
  if (!created) return false;
  const files = filed.files.map((file) => ({ ...file, participantsList: false }));
  const missing = linkRemoteChildren(ctx, filed.id, { topicCodes: draft.topicCodes, repeatOf: [], files }, now);
  recordHistory(db, {
    appealId: filed.id,
    userId: ctx.userId,
    at: now,
    action: 'received',
    text: `Поступило из системы обращений${missingFilesNote(missing)}`,
    changes: [{ field: 'Срок регистрации', from: '', to: term.explanation }],
  });
  return true;
}
