import type { AppealSource, AppealStatus, Role } from '../appeals/enums';
import { AppError } from '../errors';
import { ACTIONS, assertTransition } from '../status';
import type { ReviewAction, ReviewActionType } from './actions';
import type { AllowedAction, ResolutionState, TaskState } from './view';

/**
 * Who may do what to an appeal in the review process (regulation 4.5–4.9, domain.md roles): the
 * status machine decides statuses and base roles; this module adds the relations the regulation
 * names — the responsible head creates resolutions, an executor enters only their own result, the
 * responsible executor checks the others' results and forms the summary, an executor or the
 * responsible head may also redirect [4.8]. Services call `assertReviewAllowed` before writing;
 * the card's buttons come from `allowedReviewActions`, so the UI shows exactly what will pass.
 */
export interface TaskFacts {
  executorId: string;
  responsible: boolean;
  state: TaskState;
}
export interface ResolutionFacts {
  id: string;
  authorId: string;
  state: ResolutionState;
  tasks: readonly TaskFacts[];
}
export interface ReviewFacts {
  status: AppealStatus;
  source: AppealSource;
  responsibleHeadId: string | null;
  topicCodes: readonly string[];
  /** Questions redirected to another organisation (a partial redirect) [4.8]. */
  redirectedCodes?: readonly string[];
  onControl: boolean;
  resolutions: readonly ResolutionFacts[];
  /** Redirects of this appeal on control [4.8, 4.9]. */
  controlledRedirects?: readonly string[];
  /** Answers and decisions that can be signed with ЭЦП, with who has signed each. */
  signableDocuments?: readonly { dispatchId: string; signedBy: readonly string[] }[];
}
export interface Actor {
  id: string;
  roles: readonly Role[];
}
export type ActionTarget = AllowedAction;

const PER_RESOLUTION: ReadonlySet<ReviewActionType> = new Set([
  'approveResolution',
  'submitResult',
  'submitSummary',
  'signSummary',
  'returnSummary',
]);
const PER_TASK: ReadonlySet<ReviewActionType> = new Set(['acceptResult', 'rejectResult']);

const notAllowed = (message: string) => new AppError('NOT_ALLOWED', message);
const illegal = (message: string, target: ActionTarget) =>
  new AppError('ILLEGAL_TRANSITION', message, { action: target.type });

function statusRefusal(facts: ReviewFacts, actor: Actor, target: ActionTarget): AppError | null {
  try {
    assertTransition(target.type, facts, actor.roles);
    return null;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
}

const isExecutorOf = (facts: ReviewFacts, userId: string) =>
  facts.resolutions.some((r) => r.tasks.some((t) => t.executorId === userId));

/** The clerk may always; a head only as the appeal's responsible head; an executor only as its executor [4.8]. */
function relationRefusal(facts: ReviewFacts, actor: Actor, allowExecutor: boolean): AppError | null {
  if (actor.roles.includes('clerk')) return null;
  if (actor.roles.includes('head') && facts.responsibleHeadId === actor.id) return null;
  if (allowExecutor && actor.roles.includes('executor') && isExecutorOf(facts, actor.id)) return null;
  return notAllowed(
    allowExecutor
      ? 'Это действие доступно делопроизводителю, ответственному руководителю и исполнителям обращения'
      : 'Это действие доступно делопроизводителю и ответственному руководителю обращения',
  );
}

function resolutionOf(facts: ReviewFacts, target: ActionTarget) {
  const resolution = facts.resolutions.find((r) => r.id === target.resolutionId);
  if (!resolution) throw new AppError('NOT_FOUND', 'Резолюция не найдена');
  return resolution;
}

function resolutionRefusal(facts: ReviewFacts, actor: Actor, target: ActionTarget): AppError | null {
  const resolution = resolutionOf(facts, target);
  const own = resolution.tasks.find((t) => t.executorId === actor.id);
  const responsible = resolution.tasks.find((t) => t.responsible);
  if (resolution.state === 'draft' && target.type !== 'approveResolution')
    return illegal('Проект резолюции ещё не утверждён руководителем организации', target);
  switch (target.type) {
    case 'approveResolution':
      if (resolution.state !== 'draft') return illegal('Резолюция уже утверждена', target);
      return null;
    case 'submitResult':
      if (!own) return notAllowed('Результат вносит исполнитель, указанный в резолюции');
      if (resolution.state !== 'in_progress') return illegal('Резолюция уже не на исполнении', target);
      if (own.state === 'submitted')
        return illegal('Результат уже внесён и ждёт проверки ответственным исполнителем', target);
      if (own.state === 'accepted') return illegal('Результат уже принят ответственным исполнителем', target);
      return null;
    case 'acceptResult':
    case 'rejectResult': {
      if (responsible?.executorId !== actor.id)
        return notAllowed('Результаты исполнителей принимает и отклоняет ответственный исполнитель резолюции');
      if (resolution.state !== 'in_progress') return illegal('Резолюция уже не на исполнении', target);
      const task = resolution.tasks.find((t) => t.executorId === target.executorId);
      if (!task) throw new AppError('NOT_FOUND', 'Исполнитель не указан в резолюции');
      if (task.executorId === actor.id) return illegal('Свой результат ответственный исполнитель не проверяет', target);
      if (task.state !== 'submitted') return illegal('Исполнитель ещё не внёс результат', target);
      return null;
    }
    case 'submitSummary':
      if (responsible?.executorId !== actor.id)
        return notAllowed('Сводный результат вносит ответственный исполнитель резолюции');
      if (resolution.state === 'executed') return illegal('Сводный результат уже подписан', target);
      if (resolution.tasks.some((t) => t.state !== 'accepted'))
        return illegal('Сначала нужно принять результаты всех исполнителей резолюции', target);
      return null;
    case 'signSummary':
    case 'returnSummary':
      if (resolution.state !== 'awaiting_signature') return illegal('Сводный результат ещё не внесён', target);
      return null;
    default:
      return null;
  }
}

/** Null when the actor may perform the action on this appeal now, else the typed refusal. */
export function reviewRefusal(facts: ReviewFacts, actor: Actor, target: ActionTarget): AppError | null {
  const byStatus = statusRefusal(facts, actor, target);
  if (byStatus) return byStatus;
  if (PER_RESOLUTION.has(target.type) || PER_TASK.has(target.type)) return resolutionRefusal(facts, actor, target);
  switch (target.type) {
    case 'createResolution':
      if (facts.responsibleHeadId === null)
        return illegal('Сначала делопроизводитель назначает ответственного руководителя', target);
      if (facts.responsibleHeadId !== actor.id)
        return notAllowed('Резолюцию создаёт ответственный руководитель, назначенный по обращению');
      return null;
    case 'complete':
      // Simplified completion only for an appeal with no resolutions at all [4.5].
      if (facts.status === 'registered' && facts.resolutions.length > 0)
        return illegal('По обращению есть резолюции: завершить можно после их исполнения', target);
      return null;
    case 'redirect':
      return relationRefusal(facts, actor, true);
    case 'sendRequest':
    case 'sendInstruction':
      return relationRefusal(facts, actor, false);
    case 'setControl':
      return relationRefusal(facts, actor, false);
    case 'signDocument': {
      const document = facts.signableDocuments?.find((d) => d.dispatchId === target.dispatchId);
      if (!document)
        return illegal('Подписать можно ответ заявителю или решение об оставлении без рассмотрения', target);
      if (document.signedBy.includes(actor.id)) return illegal('Вы уже подписали этот документ', target);
      return null;
    }
    case 'controlInstruction':
      if (!facts.controlledRedirects?.includes(target.dispatchId ?? ''))
        return illegal('Перенаправление не стоит на контроле', target);
      return relationRefusal(facts, actor, false);
    case 'removeControl':
      if (!facts.onControl) return illegal('Обращение не стоит на контроле', target);
      return relationRefusal(facts, actor, false);
    default:
      return null;
  }
}

export function assertReviewAllowed(facts: ReviewFacts, actor: Actor, target: ActionTarget): void {
  const refusal = reviewRefusal(facts, actor, target);
  if (refusal) throw refusal;
}

/** Every action the actor may perform now, one entry per resolution / executor it concerns. */
export function allowedReviewActions(facts: ReviewFacts, actor: Actor): AllowedAction[] {
  const candidates: ActionTarget[] = [];
  for (const type of Object.keys(ACTIONS) as (keyof typeof ACTIONS)[]) {
    if (type === 'edit' || type === 'register') continue;
    if (PER_TASK.has(type)) {
      for (const r of facts.resolutions)
        for (const t of r.tasks) candidates.push({ type, resolutionId: r.id, executorId: t.executorId });
    } else if (type === 'controlInstruction') {
      for (const dispatchId of facts.controlledRedirects ?? []) candidates.push({ type, dispatchId });
    } else if (type === 'signDocument') {
      for (const d of facts.signableDocuments ?? []) candidates.push({ type, dispatchId: d.dispatchId });
    } else if (PER_RESOLUTION.has(type)) {
      for (const r of facts.resolutions) candidates.push({ type, resolutionId: r.id });
    } else {
      candidates.push({ type });
    }
  }
  return candidates.filter((target) => reviewRefusal(facts, actor, target) === null);
}

/** The entity an action concerns, for the permission check. */
export function targetOf(action: ReviewAction): ActionTarget {
  switch (action.type) {
    case 'approveResolution':
    case 'submitResult':
    case 'submitSummary':
    case 'signSummary':
    case 'returnSummary':
      return { type: action.type, resolutionId: action.resolutionId };
    case 'acceptResult':
    case 'rejectResult':
      return { type: action.type, resolutionId: action.resolutionId, executorId: action.executorId };
    case 'controlInstruction':
      return { type: action.type, dispatchId: action.dispatchId };
    case 'signDocument':
      return { type: action.type, dispatchId: action.document.dispatchId };
    default:
      return { type: action.type };
  }
}

/** The appeal's status after the action. */
export function statusAfter(facts: ReviewFacts, action: ReviewAction): AppealStatus {
  switch (action.type) {
    case 'signSummary': {
      const others = facts.resolutions.filter((r) => r.id !== action.resolutionId);
      return others.every((r) => r.state === 'executed') ? 'executed' : 'under_resolution';
    }
    case 'redirect': {
      const gone = new Set([...(facts.redirectedCodes ?? []), ...action.topicCodes]);
      const partial = action.topicCodes.length > 0 && facts.topicCodes.some((c) => !gone.has(c));
      return partial ? facts.status : 'redirected';
    }
    default:
      return ACTIONS[action.type].to ?? facts.status;
  }
}
