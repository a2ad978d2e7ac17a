import type { AppealSource, AppealStatus, Role } from '../appeals/enums';
import { AppError } from '../errors';

/**
 * The review process as a state machine (regulation 4.5–4.9, domain.md "Statuses and actions"):
 * which action moves an appeal from which statuses to which, who may perform it, and what it needs.
 * Services call `assertTransition` before writing; the UI calls `allowedActions` to show only what
 * the user may do.
 */
export const ACTIONS = {
  /** Create or edit the card before registration [4.4]. */
  edit: { from: ['draft', 'received'], to: null, roles: ['clerk'] },
  /** Register: assigns the number and the deadline [4.4]. */
  register: { from: ['draft', 'received'], to: 'registered', roles: ['clerk'] },
  /** Assign (or change) the responsible head [4.5]. */
  assignResponsible: { from: ['registered', 'under_resolution'], to: null, roles: ['clerk'] },
  /** The responsible head creates a resolution with executors [4.5]; also after an executed one. */
  createResolution: { from: ['registered', 'under_resolution', 'executed'], to: 'under_resolution', roles: ['head'] },
  /** The head of the organisation approves a draft resolution [4.5]. */
  approveResolution: { from: ['under_resolution'], to: null, roles: ['signer'] },
  /** An executor enters the result; the responsible executor accepts or rejects it [4.5]. */
  submitResult: { from: ['under_resolution'], to: null, roles: ['executor'] },
  acceptResult: { from: ['under_resolution'], to: null, roles: ['executor'] },
  rejectResult: { from: ['under_resolution'], to: null, roles: ['executor'] },
  /** The responsible executor forms the summary result, editable until it is signed [4.5]. */
  submitSummary: { from: ['under_resolution'], to: null, roles: ['executor'] },
  /**
   * The deputy/head signs the summary result: the resolution is executed [4.5, 5.2]; the appeal is
   * «исполнено» once every resolution is (shared/review decides).
   */
  signSummary: { from: ['under_resolution'], to: 'executed', roles: ['signer'] },
  returnSummary: { from: ['under_resolution'], to: null, roles: ['signer'] },
  /** The deputy/head signs an answer or a decision with ЭЦП (also after completion: the status stays). */
  signDocument: {
    from: ['registered', 'under_resolution', 'executed', 'completed', 'left_without_consideration'],
    to: null,
    roles: ['signer'],
  },
  /** Complete the review process with the answer [4.5]: simplified from «зарегистрировано», or after execution. */
  complete: { from: ['registered', 'executed'], to: 'completed', roles: ['clerk'] },
  /** Interim message to the applicant, request, instruction [4.5–4.7]. */
  sendMessage: { from: ['registered', 'under_resolution', 'executed'], to: null, roles: ['clerk'] },
  sendRequest: { from: ['registered', 'under_resolution', 'executed'], to: null, roles: ['clerk', 'head'] },
  sendInstruction: { from: ['registered', 'under_resolution', 'executed'], to: null, roles: ['clerk', 'head'] },
  /**
   * Redirect by competence to another state organisation [4.8; Law 300-З art. 10 p.3] — by the clerk, an
   * executor of the appeal or its responsible head. Redirecting only some questions keeps the status.
   */
  redirect: { from: ['registered', 'under_resolution'], to: 'redirected', roles: ['clerk', 'executor', 'head'] },
  /** Leave without consideration on the merits, with a reason [4.5; Law 300-З art. 15]. */
  leaveWithoutConsideration: {
    from: ['registered', 'under_resolution'],
    to: 'left_without_consideration',
    roles: ['authorised'],
  },
  /** The applicant withdraws the appeal: possible at any stage before the end [4.5]. */
  withdraw: { from: ['received', 'registered', 'under_resolution', 'executed'], to: 'withdrawn', roles: ['clerk'] },
  /**
   * An instruction with a new term about a redirect on control [4.9]: also after the whole appeal was
   * redirected (the status stays).
   */
  controlInstruction: {
    from: ['registered', 'under_resolution', 'executed', 'redirected'],
    to: null,
    roles: ['clerk', 'head'],
  },
  /** Control inside the organisation [4.9]. */
  setControl: { from: ['registered', 'under_resolution', 'executed'], to: null, roles: ['clerk', 'head'] },
  removeControl: { from: ['registered', 'under_resolution', 'executed'], to: null, roles: ['clerk', 'head'] },
} as const satisfies Record<string, { from: readonly AppealStatus[]; to: AppealStatus | null; roles: readonly Role[] }>;

export type AppealAction = keyof typeof ACTIONS;

export const FINAL_STATUSES: ReadonlySet<AppealStatus> = new Set([
  'completed',
  'left_without_consideration',
  'redirected',
  'withdrawn',
]);

export const STATUS_NAMES: Record<AppealStatus, string> = {
  draft: 'черновик',
  received: 'поступило',
  registered: 'зарегистрировано',
  under_resolution: 'на резолюции',
  executed: 'исполнено',
  completed: 'рассмотрено',
  left_without_consideration: 'оставлено без рассмотрения',
  redirected: 'перенаправлено',
  withdrawn: 'отозвано',
};

const ACTION_NAMES: Record<AppealAction, string> = {
  edit: 'изменить карточку',
  register: 'зарегистрировать',
  assignResponsible: 'назначить ответственного руководителя',
  createResolution: 'создать резолюцию',
  approveResolution: 'утвердить проект резолюции',
  submitResult: 'внести результат исполнения',
  acceptResult: 'принять результат',
  rejectResult: 'отклонить результат',
  submitSummary: 'внести сводный результат',
  signSummary: 'подписать сводный результат',
  returnSummary: 'вернуть сводный результат на доработку',
  signDocument: 'подписать документ',
  complete: 'завершить рассмотрение',
  sendMessage: 'отправить сообщение заявителю',
  sendRequest: 'направить запрос',
  sendInstruction: 'направить поручение',
  redirect: 'перенаправить',
  leaveWithoutConsideration: 'оставить без рассмотрения',
  withdraw: 'отметить отзыв обращения',
  controlInstruction: 'направить поручение с новым сроком',
  setControl: 'поставить на контроль',
  removeControl: 'снять с контроля',
};

/** The infinitive phrase of an action ("подписать сводный результат") for messages. */
export function actionPhrase(action: AppealAction): string {
  return ACTION_NAMES[action];
}

export interface TransitionSubject {
  status: AppealStatus;
  source: AppealSource;
}

/** Extra conditions of an action beyond the status (null = allowed). */
function precondition(action: AppealAction, appeal: TransitionSubject): string | null {
  // Oral appeals received through a direct phone line cannot be redirected [4.6].
  if (action === 'redirect' && appeal.source === 'phone_line') {
    return 'Устное обращение, поступившее по «прямой телефонной линии», перенаправить нельзя';
  }
  return null;
}

/** Throws NOT_ALLOWED (role) or ILLEGAL_TRANSITION (status, precondition); returns the status after. */
export function assertTransition(
  action: AppealAction,
  appeal: TransitionSubject,
  roles: readonly Role[],
): AppealStatus {
  const spec = ACTIONS[action];
  if (!spec.roles.some((role) => roles.includes(role))) {
    throw new AppError('NOT_ALLOWED', `Недостаточно прав, чтобы ${ACTION_NAMES[action]}`);
  }
  if (!(spec.from as readonly AppealStatus[]).includes(appeal.status)) {
    throw new AppError(
      'ILLEGAL_TRANSITION',
      `Нельзя ${ACTION_NAMES[action]}: обращение в статусе «${STATUS_NAMES[appeal.status]}»`,
      { action, status: appeal.status },
    );
  }
  const blocked = precondition(action, appeal);
  if (blocked) throw new AppError('ILLEGAL_TRANSITION', blocked, { action, status: appeal.status });
  return spec.to ?? appeal.status;
}

/** What this user may do with this appeal now (for the UI's buttons). */
export function allowedActions(appeal: TransitionSubject, roles: readonly Role[]): AppealAction[] {
  return (Object.keys(ACTIONS) as AppealAction[]).filter((action) => {
    const spec = ACTIONS[action];
    return (
      spec.roles.some((role) => roles.includes(role)) &&
      (spec.from as readonly AppealStatus[]).includes(appeal.status) &&
      precondition(action, appeal) === null
    );
  });
}
