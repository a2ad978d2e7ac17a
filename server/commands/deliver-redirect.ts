import { v7 as uuidv7 } from 'uuid';
import { toMinskIso } from '../../shared/calendar/minsk-time';
import type { ReviewCommand } from '../../shared/review/actions';
import type { FiledAppeal } from '../../shared/sync/protocol';
import { MAX_FILES } from '../../shared/validation/files';
import { recordFiledAppeal } from '../feed-events';
import { findRegisteredCard } from '../store/appeals';
import { ownedFileSize, recordOwnedFile } from '../store/files';
import { findOrganisation } from '../store/organisations';
import type { CommandContext } from './context';
import { draftOf, registrationPayloadSchema } from './registration-payload';

const NOTES_MAX = 4000;

/** A redirect of the whole appeal (not of some of its questions): the appeal leaves the organisation [4.8]. */
export function isWholeRedirect(command: ReviewCommand): boolean {
  return command.action.type === 'redirect' && command.statusAfter === 'redirected';
}

function redirectNote(ctx: CommandContext, regNumber: string, letter: string, notes: string): string {
  const head = `Перенаправлено по компетенции из «${ctx.org.name}» (рег. № ${regNumber}). Сопроводительное письмо: ${letter}`;
  return (notes ? `${head}\n\n${notes}` : head).slice(0, NOTES_MAX);
}

/**
 * Delivers a whole redirect [4.8; Law 300-З art. 10 p. 3] to a receiving organisation registered in the
 * central system: the appeal enters its feed as `appeal.filed` under a new id, received now (its terms
 * run from the receipt there), with the requisites of the registered card but no responsible head and
 * no links to the sender's earlier appeals, a note on where it came from, and the appeal's files
 * followed by the covering letter's (the receiver is granted them; the bytes are stored once). An
 * organisation outside the system gets the appeal by other means (post, СМДО): nothing to deliver.
 * Runs inside the command's transaction.
 */
export function deliverRedirect(ctx: CommandContext, command: ReviewCommand, regNumber: string): void {
  const { action } = command;
  if (action.type !== 'redirect' || !isWholeRedirect(command)) return;
  const receiver = findOrganisation(ctx.db, action.orgId);
  if (!receiver || receiver.id === ctx.org.id) return;
  const card = registrationPayloadSchema.safeParse(findRegisteredCard(ctx.db, ctx.org.id, command.appealId));
  if (!card.success) return;
  const { attachments, ...requisites } = draftOf(card.data);
  const now = ctx.clock();
  const bySha = new Map([...attachments, ...action.files].map((f) => [f.sha256, f.name]));
  const files = [...bySha].slice(0, MAX_FILES).map(([sha256, name]) => ({
    sha256,
    name,
    size: ownedFileSize(ctx.db, ctx.org.id, sha256) ?? 0,
  }));
  for (const f of files) recordOwnedFile(ctx.db, receiver.id, f.sha256, f.size, now);
  const filed: FiledAppeal = {
    id: uuidv7(),
    filedAt: toMinskIso(now),
    draft: {
      ...requisites,
      receivedAt: toMinskIso(now),
      responsibleHeadId: null,
      // Earlier appeals it repeats are the sender's: their ids mean nothing to the receiver.
      repeatOf: [],
      notes: redirectNote(ctx, regNumber, action.text, requisites.notes),
    },
    files,
  };
  recordFiledAppeal(ctx.db, receiver.id, filed, now);
}
