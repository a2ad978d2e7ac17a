import type { Db } from '../../../db/open';
import { users } from '../../../db/schema';

/** Author of what arrives from the central system (cards' `created_by`, history): a disabled account. */
export const SYNC_USER_ID = 'central-system';
const SYNC_USER_NAME = 'Система обращений (обращения.бел)';

/** Creates the account on first use (inside the caller's transaction); it can never log in. */
export function ensureSyncUser(db: Db, orgId: string, now: Date): string {
  db.insert(users)
    .values({
      id: SYNC_USER_ID,
      orgId,
      login: SYNC_USER_ID,
      fullName: SYNC_USER_NAME,
      position: '',
      passwordHash: '',
      disabled: true,
      createdAt: now.getTime(),
    })
    .onConflictDoNothing()
    .run();
  return SYNC_USER_ID;
}
