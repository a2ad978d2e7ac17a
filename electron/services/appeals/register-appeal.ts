import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { inTransaction } from '../../../db/open';
import { prepared } from '../../../db/prepared';
import { appeals, numberSequences } from '../../../db/schema';
import type { AppealCard, AppealDraft } from '../../../shared/appeals';
import { formatRegNumber, provisionalRegNumber } from '../../../shared/appeals';
import { validateAppealDraft } from '../../../shared/appeals/validate-appeal';
import { minskYear, toMinskIso } from '../../../shared/calendar';
import { reviewDeadline } from '../../../shared/deadlines';
import { validationError } from '../../../shared/errors';
import { requireUser } from '../auth/auth-service';
import { organisationCalendar } from '../calendar/org-calendar';
import type { CallContext } from '../context';
import { recordHistory } from '../history/record-history';
import { appendCommand } from '../outbox/append-command';
import { describeAttachments } from './attachment-facts';
import { organisationOf, type SaveInput, type Upserted, upsertCardInTx } from './save-appeal';

export interface Registered {
  id: string;
  regNumber: string;
  numberProvisional: boolean;
  deadlineAt: string;
}

/** Next number of the organisation's gap-free yearly sequence: rolled back with the transaction on failure. */
function nextSequence(db: Db, orgId: string, year: number, scope: string): number {
  const bump = prepared(db, 'numberSequences.bump', () =>
    db
      .insert(numberSequences)
      .values({
        orgId: sql.placeholder('orgId'),
        year: sql.placeholder('year'),
        scope: sql.placeholder('scope'),
        last: 1,
      })
      .onConflictDoUpdate({
        target: [numberSequences.orgId, numberSequences.year, numberSequences.scope],
        set: { last: sql`${numberSequences.last} + 1` },
      })
      .prepare(),
  );
  const read = prepared(db, 'numberSequences.read', () =>
    db
      .select({ last: numberSequences.last })
      .from(numberSequences)
      .where(
        and(
          eq(numberSequences.orgId, sql.placeholder('orgId')),
          eq(numberSequences.year, sql.placeholder('year')),
          eq(numberSequences.scope, sql.placeholder('scope')),
        ),
      )
      .prepare(),
  );
  bump.run({ orgId, year, scope });
  const row = read.get({ orgId, year, scope });
  if (!row) throw new Error('number sequence has no row');
  return row.last;
}

function numberHeld(db: Db, orgId: string, regNumber: string): boolean {
  const row = db
    .select({ id: appeals.id })
    .from(appeals)
    .where(and(eq(appeals.orgId, orgId), eq(appeals.regNumber, regNumber)))
    .get();
  return row !== undefined;
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

type Organisation = ReturnType<typeof organisationOf>;

/** The registration columns of a card given its sequence number (number, year, deadline). */
export function registrationState(db: Db, org: Organisation, draft: AppealDraft, now: Date, seq: number) {
  const year = minskYear(now);
  const provisional = org.numberingAuthority === 'central';
  const regNumber = registrationNumber(org, draft, year, seq);
  const deadline = reviewDeadline(now, draft.needsAdditionalStudy ? '1m' : '15d', organisationCalendar(db));
  return {
    status: 'registered' as const,
    registeredAt: now.getTime(),
    regNumber,
    regYear: year,
    regSeq: seq,
    numberProvisional: provisional,
    deadlineAt: deadline.deadline.getTime(),
    deadlineExplanation: deadline.explanation,
  };
}
export type RegistrationState = ReturnType<typeof registrationState>;

/** The sequence's scope and the number a sequence value gives (official, or provisional [sync]). */
export const numberScope = (org: Organisation) => (org.numberingAuthority === 'central' ? 'provisional' : 'official');
function registrationNumber(org: Organisation, draft: AppealDraft, year: number, seq: number): string {
  return org.numberingAuthority === 'central'
    ? provisionalRegNumber(org.workstationCode, year, seq)
    : formatRegNumber(org.numberingPattern, { index: org.regIndex, year, seq, kind: draft.kind });
}

/** The history entry of a registration. */
export const registeredHistory = (r: RegistrationState) => ({
  action: 'registered',
  text: r.numberProvisional
    ? `Зарегистрировано с предварительным номером ${r.regNumber}`
    : `Зарегистрировано под номером ${r.regNumber}`,
  changes: [{ field: 'Срок рассмотрения', from: '', to: r.deadlineExplanation }],
});

/** The card the `RegisterAppeal` command carries. */
export function registeredCard(
  draft: AppealDraft,
  r: RegistrationState,
  upserted: { id: string; version: number; files: Upserted['files'] },
): AppealCard {
  return {
    ...draft,
    id: upserted.id,
    status: r.status,
    regNumber: r.regNumber,
    numberProvisional: r.numberProvisional,
    receivedAt: toMinskIso(new Date(draft.receivedAt)),
    registeredAt: toMinskIso(new Date(r.registeredAt)),
    deadlineAt: toMinskIso(new Date(r.deadlineAt)),
    deadlineExplanation: r.deadlineExplanation,
    attachments: upserted.files.map(({ head: _head, ...file }) => file),
    repeats: [],
    history: [],
    version: upserted.version,
  };
}

/**
 * Registers the card inside the caller's transaction (regulation 4.4): assigns the number (official, or
 * provisional when numbers come from the central system), computes the review deadline (Law 300-З
 * art. 17), records history and appends the `RegisterAppeal` command to the outbox.
 */
export function registerInTx(ctx: CallContext, input: SaveInput, now: Date): Registered {
  const user = requireUser(ctx, 'clerk');
  const { db } = ctx.store;
  const org = organisationOf(db);
  const year = minskYear(now);
  // A number already held here came from another workstation of the organisation through the
  // central system's feed (docs/sync.md, "Conflicts"): take the next free one.
  const scope = numberScope(org);
  let seq = nextSequence(db, org.id, year, scope);
  while (numberHeld(db, org.id, registrationNumber(org, input.draft, year, seq)))
    seq = nextSequence(db, org.id, year, scope);
  const registration = registrationState(db, org, input.draft, now, seq);
  const upserted = upsertCardInTx(ctx, input, now, 'register', registration);
  recordHistory(db, { appealId: upserted.id, userId: user.id, at: now, ...registeredHistory(registration) });
  const card = registeredCard(input.draft, registration, upserted);
  appendCommand(db, 'RegisterAppeal', upserted.id, card, now);
  return {
    id: upserted.id,
    regNumber: registration.regNumber,
    numberProvisional: registration.numberProvisional,
    deadlineAt: card.deadlineAt ?? '',
  };
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
