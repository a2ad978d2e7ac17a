import type { OrganisationConfig } from '../config';
import type { Sqlite } from './open-store';

/** Configuration wins: a restart with a new name or pattern updates the stored organisation. */
export function upsertOrganisations(db: Sqlite, orgs: readonly OrganisationConfig[]): void {
  const upsert = db.prepare(
    `INSERT INTO organisations (id, name, reg_index, numbering_pattern) VALUES (@id, @name, @regIndex, @numberingPattern)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, reg_index = excluded.reg_index,
       numbering_pattern = excluded.numbering_pattern`,
  );
  db.transaction(() => {
    for (const org of orgs) upsert.run(org);
  })();
}

export function findOrganisation(db: Sqlite, orgId: string): OrganisationConfig | undefined {
  return db
    .prepare<[string], OrganisationConfig>(
      'SELECT id, name, reg_index AS regIndex, numbering_pattern AS numberingPattern FROM organisations WHERE id = ?',
    )
    .get(orgId);
}
