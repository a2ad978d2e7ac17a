import { validateAppealDraft } from '../../shared/appeals/validate-appeal';
import { minskYear } from '../../shared/calendar/minsk-time';
import type { Command } from '../../shared/sync/protocol';
import { FILE_HEAD_BYTES } from '../../shared/validation/files';
import { findAppeal, isNumberTaken, saveRegistration } from '../store/appeals';
import { appendChange } from '../store/changes';
import { ownedFileSize } from '../store/files';
import { takeOfficialNumber } from '../store/numbering';
import { type CommandContext, type Outcome, rejected } from './context';
import { describeCardShapeError, draftOf, registrationPayloadSchema } from './registration-payload';
import { missingFilesRefusal } from './uploaded-files';

const NOT_REGISTERED = new Set(['draft', 'received']);

function instant(text: string | null): Date | undefined {
  if (text === null) return undefined;
  const d = new Date(text);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/**
 * RegisterAppeal [4.4]: the card is checked again here (shape, the registration rules of
 * validate-appeal.ts with the real uploaded files), then the official number is assigned from the
 * organisation's sequence when the workstation's number is provisional, or the workstation's own
 * number is kept when it is free. The card is kept with its official number and announced to the
 * organisation's workstations as `appeal.registered` (with its files), followed — when the number was
 * provisional — by `appeal.numbered`, the path by which the registering workstation's older versions
 * take the official number. Runs inside the caller's transaction; it writes nothing unless it applies.
 */
export function registerAppeal(ctx: CommandContext, command: Command): Outcome {
  const parsed = registrationPayloadSchema.safeParse(command.payload);
  if (!parsed.success) return rejected('INVALID_PAYLOAD', describeCardShapeError(parsed.error));
  const card = parsed.data;
  const { db, org } = ctx;
  if (command.appealId !== null && command.appealId !== card.id) {
    return rejected('INVALID_PAYLOAD', `Команда относится к обращению ${command.appealId}, а карточка — к ${card.id}`);
  }
  if (NOT_REGISTERED.has(card.status)) {
    return rejected('INVALID_PAYLOAD', `Карточка в статусе «${card.status}» ещё не зарегистрирована`);
  }
  if (!card.numberProvisional && card.regNumber === null) {
    return rejected('INVALID_PAYLOAD', 'В карточке нет регистрационного номера');
  }

  const existing = findAppeal(db, org.id, card.id);
  if (existing?.regNumber) {
    return rejected('ALREADY_REGISTERED', `Обращение уже зарегистрировано под номером ${existing.regNumber}`);
  }
  if (existing?.status === 'withdrawn') {
    return rejected('APPEAL_WITHDRAWN', 'Заявитель отозвал обращение до его регистрации');
  }

  const draft = draftOf(card);
  const missing = missingFilesRefusal(ctx, draft.attachments);
  if (missing) return missing;

  const now = ctx.clock();
  const registeredAt = instant(card.registeredAt) ?? now;
  const files = draft.attachments.map((a) => ({
    name: a.name,
    size: ownedFileSize(db, org.id, a.sha256) ?? 0,
    head: ctx.blobs.readHead(a.sha256, FILE_HEAD_BYTES),
    participantsList: a.participantsList,
  }));
  const issues = validateAppealDraft(draft, { mode: 'register', files, registeredAt });
  const first = issues[0];
  if (first) {
    const more = issues.length > 1 ? ` (и ещё ошибок: ${issues.length - 1})` : '';
    return rejected('VALIDATION_FAILED', `${first.message}${more}`, { issues });
  }

  let official: { regNumber: string; year: number | null; seq: number | null };
  if (card.numberProvisional) {
    official = takeOfficialNumber(db, org, minskYear(registeredAt), draft.kind);
  } else {
    const own = card.regNumber ?? '';
    if (isNumberTaken(db, org.id, own)) {
      return rejected('NUMBER_TAKEN', `Регистрационный номер ${own} уже присвоен другому обращению`);
    }
    official = { regNumber: own, year: null, seq: null };
  }

  const registered = { ...card, regNumber: official.regNumber, numberProvisional: false };
  saveRegistration(db, {
    orgId: org.id,
    appealId: card.id,
    status: card.status,
    regNumber: official.regNumber,
    provisionalNumber: card.numberProvisional ? card.regNumber : null,
    regYear: official.year,
    regSeq: official.seq,
    registeredAt: card.registeredAt,
    card: registered,
    now,
  });
  const remoteFiles = draft.attachments.map((a, i) => ({ sha256: a.sha256, name: a.name, size: files[i]?.size ?? 0 }));
  appendChange(db, org.id, 'appeal.registered', { card: registered, files: remoteFiles }, now);
  if (card.numberProvisional) {
    appendChange(db, org.id, 'appeal.numbered', { appealId: card.id, regNumber: official.regNumber }, now);
  }
  return { outcome: 'applied', regNumber: official.regNumber };
}
