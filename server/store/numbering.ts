import type { AppealKind } from '../../shared/appeals/enums';
import { formatRegNumber } from '../../shared/appeals/numbering';
import type { OrganisationConfig } from '../config';
import { isNumberTaken } from './appeals';
import type { Sqlite } from './open-store';

export interface OfficialNumber {
  regNumber: string;
  year: number;
  seq: number;
}

function next(db: Sqlite, orgId: string, year: number): number {
  const row = db
    .prepare<[string, number], { last: number }>(
      `INSERT INTO number_sequences (org_id, year, last) VALUES (?, ?, 1)
       ON CONFLICT (org_id, year) DO UPDATE SET last = last + 1 RETURNING last`,
    )
    .get(orgId, year);
  if (!row) throw new Error('number_sequences: no row returned');
  return row.last;
}

/**
 * The next official number of the organisation's gap-free yearly sequence (regulation 4.4), taken
 * inside the registering transaction so a rolled-back registration gives its number back. A number
 * a workstation already used (local numbering) is skipped, so numbers stay unique.
 */
export function takeOfficialNumber(
  db: Sqlite,
  org: OrganisationConfig,
  year: number,
  kind: AppealKind,
): OfficialNumber {
  for (;;) {
    const seq = next(db, org.id, year);
    const regNumber = formatRegNumber(org.numberingPattern, { index: org.regIndex, year, seq, kind });
    if (!isNumberTaken(db, org.id, regNumber)) return { regNumber, year, seq };
  }
}
