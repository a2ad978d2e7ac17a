import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields a log entry's hash covers (everything but its id and its own hash). */
export interface HashedFields {
  at: number;
  type: string;
  login: string;
  userId: string | null;
  workstation: string;
  address: string;
  result: string;
  /** The stored JSON text. */
  details: string;
  prevHash: string;
}

/** sha256 hex of a canonical JSON array of the fields in a fixed order, ending with prev_hash. */
export function eventHash(f: HashedFields): string {
  const canonical = JSON.stringify([
    f.at,
    f.type,
    f.login,
    f.userId,
    f.workstation,
    f.address,
    f.result,
    f.details,
    f.prevHash,
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}
