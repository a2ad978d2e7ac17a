import { notInArray } from 'drizzle-orm';
import type { WorkingCopy } from '../../../db/open';
import { inTransaction } from '../../../db/open';
import { directoryOrganisations } from '../../../db/schema';
import type { Organisation } from '../../../shared/sync/protocol';
import type { CentralApi } from './central-api';
import { readState, writeState } from './sync-state';

export const DIRECTORY_REFRESHED_KEY = 'directory_refreshed_at';
/** The directory changes rarely: a round refreshes it when it is older than this (or empty). */
export const DIRECTORY_MAX_AGE_MS = 3_600_000;

export interface DirectoryDeps {
  store: WorkingCopy;
  api: CentralApi;
  now: () => Date;
}

function isStale(store: WorkingCopy, now: Date): boolean {
  const refreshedAt = Number(readState(store.db, DIRECTORY_REFRESHED_KEY) ?? 0);
  return !(refreshedAt > 0 && now.getTime() - refreshedAt < DIRECTORY_MAX_AGE_MS);
}

/**
 * Replaces the local directory of organisations (redirect, request and instruction targets [4.6–4.8])
 * with the central system's, in ONE transaction with its refresh time. `subordinate` is the central
 * system's answer for this organisation [4.7]. Organisations no longer listed are removed (dispatches
 * keep the name they were sent to). An empty answer is taken for a fault of the central system: it
 * changes nothing, and the next round asks again.
 */
export function storeDirectory(store: WorkingCopy, organisations: readonly Organisation[], now: Date): void {
  inTransaction(store.sqlite, () => {
    const { db } = store;
    const updatedAt = now.getTime();
    if (organisations.length === 0) return;
    for (const o of organisations) {
      const row = { name: o.name, unp: o.unp, state: o.state, subordinate: o.subordinate, updatedAt };
      db.insert(directoryOrganisations)
        .values({ id: o.id, ...row })
        .onConflictDoUpdate({ target: directoryOrganisations.id, set: row })
        .run();
    }
    const ids = organisations.map((o) => o.id);
    db.delete(directoryOrganisations).where(notInArray(directoryOrganisations.id, ids)).run();
    writeState(db, DIRECTORY_REFRESHED_KEY, String(updatedAt));
  });
}

/**
 * Fetches `GET /organisations` when the local directory is older than an hour (or was never fetched)
 * and stores it. Returns how many organisations were stored, or null when it was fresh enough.
 */
export async function refreshDirectory(deps: DirectoryDeps): Promise<number | null> {
  if (!isStale(deps.store, deps.now())) return null;
  const organisations = await deps.api.organisations();
  storeDirectory(deps.store, organisations, deps.now());
  return organisations.length;
}
