import type { AppealStatus } from '../../shared/appeals/enums';
import { type ReviewCommand, reviewCommandSchema } from '../../shared/review/actions';
import { ACTIONS, actionPhrase, STATUS_NAMES } from '../../shared/status/status-machine';
import type { Command } from '../../shared/sync/protocol';
import { recordAppealEvent } from '../store/appeal-events';
import { type AppealRecord, findAppeal, setAppealStatus } from '../store/appeals';
import { appendChange } from '../store/changes';
import { type CommandContext, type Outcome, rejected } from './context';
import { deliverRedirect } from './deliver-redirect';
import { describeShapeError } from './shape-error';
import { missingFilesRefusal } from './uploaded-files';

const statusName = (status: string) => STATUS_NAMES[status as AppealStatus] ?? status;

/** The regulation allows some actions before registration: the applicant's withdrawal [4.5]. */
const allowedBeforeRegistration = (command: ReviewCommand) =>
  (ACTIONS[command.action.type].from as readonly string[]).includes('received');

/**
 * The server's copy of the appeal decides [4.5–4.9]: the status the workstation saw must still be the
 * appeal's status (another workstation may have acted first), the action must be possible in it, and
 * the status after must be the action's own (or unchanged: signing one of several resolutions,
 * redirecting some of the questions).
 */
function transitionRefusal(appeal: AppealRecord, command: ReviewCommand): Outcome | null {
  const { type } = command.action;
  if (appeal.status !== command.statusBefore) {
    return rejected(
      'CONFLICT',
      `Обращение изменено на другом рабочем месте: статус «${statusName(appeal.status)}», ` +
        `а действие «${actionPhrase(type)}» выполнено в статусе «${statusName(command.statusBefore)}»`,
      { status: appeal.status },
    );
  }
  const rule = ACTIONS[type];
  if (!(rule.from as readonly string[]).includes(appeal.status)) {
    return rejected('ILLEGAL_TRANSITION', `Нельзя ${actionPhrase(type)} в статусе «${statusName(appeal.status)}»`);
  }
  if (command.statusAfter !== appeal.status && command.statusAfter !== rule.to) {
    return rejected(
      'ILLEGAL_TRANSITION',
      `Действие «${actionPhrase(type)}» не переводит обращение в статус «${statusName(command.statusAfter)}»`,
    );
  }
  return null;
}

/** Every file the command refers to: its list, and the action's own files (they must be in it too). */
function referencedFiles(command: ReviewCommand) {
  const action = command.action as { files?: readonly { sha256: string; name: string }[] };
  return [...command.files, ...(action.files ?? [])];
}

/**
 * ReviewAction [4.5–4.9]: one action of the review process performed on a workstation. Checked against
 * the server's copy of the appeal (registered, same status, a legal transition, files uploaded), then
 * the appeal takes the status after, the command is kept as the appeal's event and announced to the
 * organisation's feed as `appeal.action` for its other workstations. A whole redirect to an
 * organisation registered in the system is delivered into that organisation's feed [4.8].
 * Runs inside the caller's transaction; it writes nothing unless it applies.
 */
export function reviewAction(ctx: CommandContext, command: Command): Outcome {
  const parsed = reviewCommandSchema.safeParse(command.payload);
  if (!parsed.success) {
    return rejected('INVALID_PAYLOAD', describeShapeError(parsed.error, 'Действие рассмотрения', '(действие)'));
  }
  const review = parsed.data;
  if (command.appealId !== null && command.appealId !== review.appealId) {
    return rejected(
      'INVALID_PAYLOAD',
      `Команда относится к обращению ${command.appealId}, а действие — к ${review.appealId}`,
    );
  }
  const { db, org } = ctx;
  const appeal = findAppeal(db, org.id, review.appealId);
  if (!appeal || (appeal.regNumber === null && !allowedBeforeRegistration(review))) {
    return rejected(
      'NOT_REGISTERED',
      'Обращение не зарегистрировано в системе обращений: действия рассмотрения возможны только после его регистрации',
    );
  }
  const refusal = transitionRefusal(appeal, review) ?? missingFilesRefusal(ctx, referencedFiles(review));
  if (refusal) return refusal;

  const now = ctx.clock();
  setAppealStatus(db, org.id, review.appealId, review.statusAfter, now);
  recordAppealEvent(db, org.id, command.id, review, now);
  appendChange(db, org.id, 'appeal.action', { commandId: command.id, command: review }, now);
  deliverRedirect(ctx, review, appeal.regNumber ?? '');
  return { outcome: 'applied' };
}
