import type { Role } from '../../../../../../shared/appeals';
import type { StaffMember } from '../../../../app/session';

/** Staff holding any of the roles, as select options («Фамилия И. О. — должность»). */
export function staffOptions(staff: readonly StaffMember[], roles: readonly Role[]) {
  return staff
    .filter((s) => s.roles.some((r) => roles.includes(r)))
    .map((s) => ({ value: s.id, label: s.position ? `${s.name} — ${s.position}` : s.name }));
}
