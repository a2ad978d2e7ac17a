import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { directoryOrganisations } from '../../../db/schema';
import type { DirectoryOrganisation } from '../../../shared/review';
import { requireUser } from '../auth/auth-service';
import type { CallContext } from '../context';

const columns = {
  id: directoryOrganisations.id,
  name: directoryOrganisations.name,
  unp: directoryOrganisations.unp,
  state: directoryOrganisations.state,
  subordinate: directoryOrganisations.subordinate,
};

export function directoryEntry(db: Db, id: string): DirectoryOrganisation | undefined {
  return db.select(columns).from(directoryOrganisations).where(eq(directoryOrganisations.id, id)).get();
}

/** `directory:organisations`: the central directory as last synced [4.6–4.8]. */
export function listDirectory(ctx: CallContext): { organisations: DirectoryOrganisation[] } {
  requireUser(ctx);
  const { db } = ctx.store;
  return {
    organisations: db.select(columns).from(directoryOrganisations).orderBy(asc(directoryOrganisations.name)).all(),
  };
}
