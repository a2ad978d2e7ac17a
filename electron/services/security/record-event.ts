import { hostname } from 'node:os';
import { desc } from 'drizzle-orm';
import { type Db, inTransaction } from '../../../db/open';
import { securityEvents } from '../../../db/schema';
import type { SecurityEventResult, SecurityEventType } from '../../../shared/security/schema';
import type { AppServices, CallContext } from '../context';
import { eventHash, GENESIS_HASH } from './event-hash';

export interface SecurityEventInput {
  type: SecurityEventType;
  login: string;
  userId: string | null;
  result: SecurityEventResult;
  details?: Record<string, unknown>;
}

/** This workstation's host name and address, as the log records them. */
export function workstationOf(services: Pick<AppServices, 'workstation'>): { host: string; address: string } {
  return services.workstation ?? { host: hostname(), address: '127.0.0.1' };
}

/**
 * Appends one entry to the security log, chained to the previous one. Call it inside the caller's
 * transaction (inTransaction), so the entry and the change it records commit together.
 */
export function recordSecurityEvent(
  ctx: Pick<AppServices, 'store' | 'clock' | 'workstation'>,
  event: SecurityEventInput,
): void {
  const db: Db = ctx.store.db;
  const last = db
    .select({ hash: securityEvents.hash })
    .from(securityEvents)
    .orderBy(desc(securityEvents.id))
    .limit(1)
    .get();
  const { host, address } = workstationOf(ctx);
  const fields = {
    at: ctx.clock().getTime(),
    type: event.type,
    login: event.login,
    userId: event.userId,
    workstation: host,
    address,
    result: event.result,
    details: JSON.stringify(event.details ?? {}),
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  db.insert(securityEvents)
    .values({ ...fields, hash: eventHash(fields) })
    .run();
}

/**
 * Records an action of the session's user in its own transaction: for actions whose change is not a
 * database write (an export) or is written elsewhere (a signature goes through performReview).
 */
export function recordUserEvent(
  ctx: CallContext,
  type: SecurityEventType,
  result: SecurityEventResult,
  details: Record<string, unknown>,
): void {
  const user = ctx.session.user;
  inTransaction(ctx.store.sqlite, () =>
    recordSecurityEvent(ctx, { type, login: user?.login ?? '', userId: user?.id ?? null, result, details }),
  );
}
