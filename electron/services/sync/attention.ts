import { and, eq, like, or } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { inTransaction } from '../../../db/open';
import { appeals, outbox, syncState } from '../../../db/schema';
import type { AppealCard } from '../../../shared/appeals';
import { AppError } from '../../../shared/errors';
import { getAppeal } from '../appeals/get-appeal';
import { requireUser } from '../auth/auth-service';
import type { CallContext } from '../context';
import { recordHistory } from '../history/record-history';
import { appendCommand } from '../outbox/append-command';
import { unappliedRegistrationKey } from './apply-registered-appeal';
import { unappliedReviewKey } from './apply-review-change';
import { unappliedStatusKey } from './apply-status-change';

/**
 * What the clerk does with a command the central system refused (docs/sync.md, "What the clerk
 * sees"). Nothing is dropped silently: a refused command stays `rejected` until the clerk re-sends it
 * (a NEW command with a new id — the server's answer to the old id is final) or discards it with a
 * confirmation. Both are recorded in the card's history; the old row stays in the outbox for audit
 * as `resent` or `discarded`.
 *
 * Discarding keeps the local change as local-only, never rolls it back: a registration is the
 * record of a received paper (regulation 4.4 — the appeal was received and must stay registered),
 * and a review action records documents already drawn up and signed [4.5–4.9]. The central system's
 * own changes still win when the feed reports them (docs/sync.md, "Conflicts").
 */

/** Who may settle the "needs attention" list: the clerks who made the changes, the administrator. */
const SETTLERS = ['clerk', 'admin'] as const;

function rejectedRow(db: Db, commandId: string) {
  const row = db.select().from(outbox).where(eq(outbox.commandId, commandId)).get();
  if (!row) throw new AppError('NOT_FOUND', 'Команда не найдена в очереди синхронизации');
  if (row.state !== 'rejected') {
    throw new AppError('CONFLICT', 'Команда уже не требует внимания — обновите список');
  }
  return row;
}

const settle = (db: Db, commandId: string, state: 'resent' | 'discarded', now: Date) =>
  db
    .update(outbox)
    .set({ state, settledAt: now.getTime() })
    .where(and(eq(outbox.commandId, commandId), eq(outbox.state, 'rejected')))
    .run();

/** The card as a RegisterAppeal carries it now (the clerk may have corrected it since the refusal). */
function registrationPayload(db: Db, appealId: string): AppealCard {
  return { ...getAppeal(db, appealId), repeats: [], history: [] };
}

const typeName = (type: string) => (type === 'RegisterAppeal' ? 'Регистрация' : 'Действие по рассмотрению');

/**
 * `sync:resend`: the refused command again as a new command at the end of the outbox — a
 * registration with the card as it is now, a review action as it was. Returns the new command id.
 */
export function resendRejected(ctx: CallContext, input: { commandId: string }): { commandId: string } {
  const user = requireUser(ctx, ...SETTLERS);
  const now = ctx.clock();
  const { db } = ctx.store;
  return inTransaction(ctx.store.sqlite, () => {
    const row = rejectedRow(db, input.commandId);
    const payload =
      row.type === 'RegisterAppeal' && row.appealId
        ? registrationPayload(db, row.appealId)
        : (JSON.parse(row.payload) as unknown);
    const commandId = appendCommand(db, row.type, row.appealId, payload, now);
    settle(db, row.commandId, 'resent', now);
    noteOnCard(
      db,
      row.appealId,
      { userId: user.id, at: now, action: 'sync_resent' },
      `${typeName(row.type)} повторно отправлена в систему обращений после отказа`,
    );
    return { commandId };
  });
}

/** `sync:discard`: the clerk confirmed that this change stays on the workstation only. */
export function discardRejected(ctx: CallContext, input: { commandId: string }): Record<string, never> {
  const user = requireUser(ctx, ...SETTLERS);
  const now = ctx.clock();
  const { db } = ctx.store;
  inTransaction(ctx.store.sqlite, () => {
    const row = rejectedRow(db, input.commandId);
    settle(db, row.commandId, 'discarded', now);
    noteOnCard(
      db,
      row.appealId,
      { userId: user.id, at: now, action: 'sync_discarded' },
      `${typeName(row.type)} не принята системой обращений; отправка отменена — изменение сохранено только на рабочем месте`,
    );
  });
  return {};
}

const appealExists = (db: Db, id: string) =>
  db.select({ id: appeals.id }).from(appeals).where(eq(appeals.id, id)).get() !== undefined;

/** What the clerk did, in the history of the card it concerns (when this workstation holds it). */
function noteOnCard(
  db: Db,
  appealId: string | null,
  who: { userId: string; at: Date; action: string },
  text: string,
): void {
  if (appealId && appealExists(db, appealId)) recordHistory(db, { appealId, ...who, text });
}

/** A change from another workstation that could not be applied here (apply-*.ts keep them in sync_state). */
export interface UnappliedChange {
  key: string;
  /** registration / review: another workstation's change; status: the central system's status (a conflict). */
  kind: UnappliedKind;
  appealId: string | null;
  regNumber: string | null;
  message: string;
}

type UnappliedKind = 'registration' | 'review' | 'status';
const PREFIXES: Record<UnappliedKind, string> = {
  registration: unappliedRegistrationKey(''),
  review: unappliedReviewKey(''),
  status: unappliedStatusKey(''),
};
const kindOf = (key: string) =>
  (Object.keys(PREFIXES) as UnappliedKind[]).find((kind) => key.startsWith(PREFIXES[kind])) ?? null;

export function unappliedChanges(db: Db): UnappliedChange[] {
  const rows = db
    .select({ key: syncState.key, value: syncState.value })
    .from(syncState)
    .where(or(...Object.values(PREFIXES).map((prefix) => like(syncState.key, `${prefix}%`))))
    .orderBy(syncState.key)
    .all();
  return rows.map(({ key, value }) => {
    const data = parseObject(value);
    const kind = kindOf(key) ?? 'review';
    const appealId = kind === 'registration' ? key.slice(PREFIXES.registration.length) : stringOrNull(data.appealId);
    const local = appealId
      ? db.select({ regNumber: appeals.regNumber }).from(appeals).where(eq(appeals.id, appealId)).get()
      : undefined;
    return {
      key,
      kind,
      appealId: local ? appealId : null,
      regNumber: local?.regNumber ?? stringOrNull(data.regNumber),
      message: stringOrNull(data.message) ?? '',
    };
  });
}

const stringOrNull = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);

function parseObject(text: string): Record<string, unknown> {
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * `sync:acknowledge`: the clerk has seen an entry of "not applied here" and settled it by hand (or
 * accepts it as it is); the entry leaves the list and the card's history records it.
 */
export function acknowledgeUnapplied(ctx: CallContext, input: { key: string }): Record<string, never> {
  const user = requireUser(ctx, ...SETTLERS);
  const now = ctx.clock();
  const { db } = ctx.store;
  inTransaction(ctx.store.sqlite, () => {
    const entry = unappliedChanges(db).find((e) => e.key === input.key);
    if (!entry) throw new AppError('NOT_FOUND', 'Запись уже снята из списка — обновите его');
    db.delete(syncState).where(eq(syncState.key, entry.key)).run();
    noteOnCard(
      db,
      entry.appealId,
      { userId: user.id, at: now, action: 'sync_acknowledged' },
      `Расхождение с системой обращений рассмотрено делопроизводителем: ${entry.message}`,
    );
  });
  return {};
}
