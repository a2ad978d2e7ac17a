import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { inTransaction } from '../../../db/open';
import { appeals, numberSequences } from '../../../db/schema';
import type { AppealDraft, AppealSource, AppealStatus } from '../../../shared/appeals';
import { formatRegNumber, provisionalRegNumber } from '../../../shared/appeals';
import { validateAppealDraft } from '../../../shared/appeals/validate-appeal';
import { minskYear, toMinskIso } from '../../../shared/calendar';
import { reviewDeadline } from '../../../shared/deadlines';
import { validationError } from '../../../shared/errors';
import { assertTransition } from '../../../shared/status';
import { requireUser } from '../auth/auth-service';
import { organisationCalendar } from '../calendar/org-calendar';
import type { CallContext } from '../context';
import { recordHistory } from '../history/record-history';
import { appendCommand } from '../outbox/append-command';
import { describeAttachments } from './attachment-facts';
import { findAppealRow, getAppeal } from './get-appeal';
import { organisationOf, type SaveInput, upsertDraftInTx } from './save-appeal';

export interface Registered {
  id: string;
  regNumber: string;
  numberProvisional: boolean;
  deadlineAt: string;
}

/** Next number of the organisation's gap-free yearly sequence: rolled back with the transaction on failure. */
function nextSequence(db: Db, orgId: string, year: number, scope: string): number {
  const row = db
    .insert(numberSequences)
    .values({ orgId, year, scope, last: 1 })
    .onConflictDoUpdate({
      target: [numberSequences.orgId, numberSequences.year, numberSequences.scope],
      set: { last: sql`${numberSequences.last} + 1` },
    })
    .returning({ last: numberSequences.last })
    .get();
  return row.last;
}

/** Validation that needs the store: run before the transaction so a bad card costs nothing. */
export function checkRegistrable(ctx: CallContext, draft: AppealDraft, now: Date): void {
  const issues = validateAppealDraft(draft, {
    mode: 'register',
    files: describeAttachments(ctx.files, draft.attachments),
    registeredAt: now,
  });
  if (issues.length > 0) throw validationError(issues);
}

/**
 * Registers the card inside the caller's transaction (regulation 4.4): assigns the number (official, or
 * provisional when numbers come from the central system), computes the review deadline (Law 300-З
 * art. 17), records history and appends the `RegisterAppeal` command to the outbox.
 */
export function registerInTx(ctx: CallContext, input: SaveInput, now: Date): Registered {
  const user = requireUser(ctx, 'clerk');
  const { db } = ctx.store;
  const { id } = upsertDraftInTx(ctx, input, now);
  const current = findAppealRow(db, id);
  assertTransition(
    'register',
    { status: current.status as AppealStatus, source: current.source as AppealSource },
    user.roles,
  );
  const org = organisationOf(db);
  const year = minskYear(now);
  const provisional = org.numberingAuthority === 'central';
  const seq = nextSequence(db, org.id, year, provisional ? 'provisional' : 'official');
  const regNumber = provisional
    ? provisionalRegNumber(org.workstationCode, year, seq)
    : formatRegNumber(org.numberingPattern, { index: org.regIndex, year, seq, kind: input.draft.kind });
  const deadline = reviewDeadline(now, input.draft.needsAdditionalStudy ? '1m' : '15d', organisationCalendar(db));
  db.update(appeals)
    .set({
      status: 'registered',
      registeredAt: now.getTime(),
      regNumber,
      regYear: year,
      regSeq: seq,
      numberProvisional: provisional,
      deadlineAt: deadline.deadline.getTime(),
      deadlineExplanation: deadline.explanation,
      updatedAt: now.getTime(),
      version: sql`${appeals.version} + 1`,
    })
    .where(eq(appeals.id, id))
    .run();
  recordHistory(db, {
    appealId: id,
    userId: user.id,
    at: now,
    action: 'registered',
    text: provisional
      ? `Зарегистрировано с предварительным номером ${regNumber}`
      : `Зарегистрировано под номером ${regNumber}`,
    changes: [{ field: 'Срок рассмотрения', from: '', to: deadline.explanation }],
  });
  appendCommand(db, 'RegisterAppeal', id, getAppeal(db, id), now);
  return { id, regNumber, numberProvisional: provisional, deadlineAt: toMinskIso(deadline.deadline) };
}

/** `appeals:register`: one card, one transaction. */
export function registerAppeal(ctx: CallContext, input: SaveInput): Registered {
  requireUser(ctx, 'clerk');
  const now = ctx.clock();
  checkRegistrable(ctx, input.draft, now);
  return inTransaction(ctx.store.sqlite, () => registerInTx(ctx, input, now));
}

/** Bulk registration (JSON import, benchmarks): all valid cards in one transaction, all or nothing. */
export function registerMany(ctx: CallContext, drafts: AppealDraft[]): Registered[] {
  requireUser(ctx, 'clerk');
  const now = ctx.clock();
  for (const draft of drafts) checkRegistrable(ctx, draft, now);
  return inTransaction(ctx.store.sqlite, () =>
    drafts.map((draft) => registerInTx(ctx, { id: null, draft, expectedVersion: null }, now)),
  );
}
