import type { ReviewActionType } from '../../../../../shared/review/actions';
import type { AllowedAction } from '../../../../../shared/review/view';

/** The order of the appeal-level buttons: the usual next step first, the side exits last. */
const APPEAL_ORDER: readonly ReviewActionType[] = [
  'assignResponsible',
  'createResolution',
  'complete',
  'sendMessage',
  'redirect',
  'sendRequest',
  'sendInstruction',
  'setControl',
  'removeControl',
  'leaveWithoutConsideration',
  'withdraw',
];
const RESOLUTION_ORDER: readonly ReviewActionType[] = [
  'approveResolution',
  'submitResult',
  'submitSummary',
  'signSummary',
  'returnSummary',
];

/** The step the process waits for: shown as the primary button. */
export const PRIMARY_ACTIONS: ReadonlySet<ReviewActionType> = new Set([
  'createResolution',
  'approveResolution',
  'submitResult',
  'submitSummary',
  'signSummary',
  'complete',
]);

const rank = (order: readonly ReviewActionType[], a: AllowedAction) => order.indexOf(a.type);

/** Actions about the appeal as a whole (no resolution). */
export function appealActions(allowed: readonly AllowedAction[]): AllowedAction[] {
  return allowed
    .filter((a) => !a.resolutionId && APPEAL_ORDER.includes(a.type))
    .sort((x, y) => rank(APPEAL_ORDER, x) - rank(APPEAL_ORDER, y));
}

/** Actions about one resolution (result, summary, signature), not about one executor's result. */
export function resolutionActions(allowed: readonly AllowedAction[], resolutionId: string): AllowedAction[] {
  return allowed
    .filter((a) => a.resolutionId === resolutionId && !a.executorId)
    .sort((x, y) => rank(RESOLUTION_ORDER, x) - rank(RESOLUTION_ORDER, y));
}

/** Accept / reject of one executor's result. */
export function taskActions(allowed: readonly AllowedAction[], resolutionId: string, executorId: string) {
  return allowed.filter((a) => a.resolutionId === resolutionId && a.executorId === executorId);
}
