import { asc } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { securityEvents } from '../../../db/schema';
import type { SecurityVerifyResult } from '../../../shared/security/schema';
import { eventHash, GENESIS_HASH } from './event-hash';

/** Walks the hash chain from the first entry; reports the first entry whose link or hash is wrong. */
export function verifySecurityLog(db: Db): SecurityVerifyResult {
  let prev = GENESIS_HASH;
  let entries = 0;
  for (const row of db.select().from(securityEvents).orderBy(asc(securityEvents.id)).all()) {
    if (row.prevHash !== prev) {
      return { ok: false, firstBrokenId: row.id, reason: 'prev_hash не совпадает с хешем предыдущей записи' };
    }
    if (eventHash(row) !== row.hash) {
      return { ok: false, firstBrokenId: row.id, reason: 'хеш записи не совпадает с её содержимым' };
    }
    prev = row.hash;
    entries += 1;
  }
  return { ok: true, entries };
}
