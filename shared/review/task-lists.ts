import type { Role } from '../appeals/enums';
import { TASK_LISTS, type TaskList } from './view';

/** Roles that see every list (regulation 4.9: the clerk has access to all lists; heads, signers and unit heads control). */
const ALL_LISTS: readonly Role[] = ['clerk', 'head', 'signer', 'unit_head'];

/** The task lists a user may open: everyone has «mine» and «byMe»; clerks and heads also the organisation's and control. */
export function visibleTaskLists(roles: readonly Role[]): TaskList[] {
  if (roles.some((r) => ALL_LISTS.includes(r))) return [...TASK_LISTS];
  return ['mine', 'byMe'];
}
