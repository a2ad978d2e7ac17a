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
  /** A head creates a resolution with executors [4.5]. */
  createResolution: { from: ['registered', 'under_resolution'], to: 'under_resolution', roles: ['head'] },
  /** The deputy/head signs the summary result: the resolution is executed [4.5, 5.2]. */
  signSummaryResult: { from: ['under_resolution'], to: 'executed', roles: ['signer'] },
  /** Complete the review process, with the answer [4.8]. */
  complete: { from: ['registered', 'under_resolution', 'executed'], to: 'completed', roles: ['clerk'] },
  /** Redirect by competence to another state organisation [4.6; Law 300-З art. 10 p.3]. */
  redirect: { from: ['registered', 'under_resolution'], to: 'redirected', roles: ['clerk'] },
  /** Leave without consideration on the merits, with a reason [4.7; Law 300-З art. 15]. */
  leaveWithoutConsideration: {
    from: ['received', 'registered', 'under_resolution'],
    to: 'left_without_consideration',
    roles: ['authorised'],
  },
  /** The applicant withdraws the appeal: possible at any stage before the end [4.5]. */
  withdraw: { from: ['received', 'registered', 'under_resolution', 'executed'], to: 'withdrawn', roles: ['clerk'] },
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
  assignResponsible: 'назначить ответственного',
  createResolution: 'создать резолюцию',
  signSummaryResult: 'подписать сводный результат',
  complete: 'завершить рассмотрение',
  redirect: 'перенаправить',
  leaveWithoutConsideration: 'оставить без рассмотрения',
  withdraw: 'отметить отзыв обращения',
};

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
