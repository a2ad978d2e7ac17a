import { type FiledAppeal, filedAppealSchema } from '../shared/sync/protocol';
import type { ServerContext } from './context';
import { findAppeal, insertFiledAppeal, setAppealStatus } from './store/appeals';
import { appendChange } from './store/changes';
import { ownedFileSize } from './store/files';
import { inTransaction, type Sqlite } from './store/open-store';

export interface TopicChange {
  code: string;
  parentCode: string | null;
  name: string;
  removed?: boolean;
}

function requireOrg(ctx: ServerContext, orgId: string): void {
  if (!ctx.orgs.has(orgId)) throw new Error(`central server: unknown organisation «${orgId}»`);
}

/**
 * An applicant filed an appeal on the portal to `orgId`: it enters the organisation's feed as
 * `appeal.filed`. Its files must already be in the store for that organisation (`storeFile`).
 */
export function fileAppeal(ctx: ServerContext, orgId: string, filed: FiledAppeal): void {
  requireOrg(ctx, orgId);
  const appeal = filedAppealSchema.parse(filed);
  for (const f of appeal.files) {
    if (ownedFileSize(ctx.db, orgId, f.sha256) === undefined) {
      throw new Error(`central server: file ${f.sha256} of appeal ${appeal.id} is not stored`);
    }
  }
  const now = ctx.clock();
  inTransaction(ctx.db, () => recordFiledAppeal(ctx.db, orgId, appeal, now));
}

/**
 * Enters a filed (or redirected) appeal into the organisation's appeals and feed, inside the caller's
 * transaction; its files must be the organisation's already.
 */
export function recordFiledAppeal(db: Sqlite, orgId: string, appeal: FiledAppeal, now: Date): void {
  if (findAppeal(db, orgId, appeal.id)) throw new Error(`central server: appeal ${appeal.id} already exists`);
  insertFiledAppeal(db, orgId, appeal.id, appeal, now);
  appendChange(db, orgId, 'appeal.filed', appeal, now);
}

/** The applicant withdrew the appeal on the portal, or the central system changed its status. */
export function changeAppealStatus(
  ctx: ServerContext,
  orgId: string,
  appealId: string,
  status: string,
  note = '',
): void {
  requireOrg(ctx, orgId);
  const now = ctx.clock();
  inTransaction(ctx.db, () => {
    setAppealStatus(ctx.db, orgId, appealId, status, now);
    appendChange(ctx.db, orgId, 'appeal.status', { appealId, status, note }, now);
  });
}

/** A change of the national topic classifier, published to the organisation's feed. */
export function publishTopic(ctx: ServerContext, orgId: string, topic: TopicChange): void {
  requireOrg(ctx, orgId);
  const data = { code: topic.code, parentCode: topic.parentCode, name: topic.name, removed: topic.removed ?? false };
  inTransaction(ctx.db, () => appendChange(ctx.db, orgId, 'classifier.topic', data, ctx.clock()));
}
