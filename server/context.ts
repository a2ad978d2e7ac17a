import type { TokenRegistry } from './auth/token-registry';
import type { CentralClient, OrganisationConfig } from './config';
import type { BlobStore } from './files/blob-store';
import type { Sqlite } from './store/open-store';

/** What the routes share: the database, the file store, the clock, tokens and the configuration. */
export interface ServerContext {
  db: Sqlite;
  blobs: BlobStore;
  clock: () => Date;
  tokens: TokenRegistry;
  clients: ReadonlyMap<string, CentralClient>;
  orgs: ReadonlyMap<string, OrganisationConfig>;
}

export function organisationOf(ctx: ServerContext, orgId: string): OrganisationConfig {
  const org = ctx.orgs.get(orgId);
  if (!org) throw new Error(`unknown organisation ${orgId}`);
  return org;
}
