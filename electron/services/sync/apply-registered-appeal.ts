import { and, eq, ne, sql } from 'drizzle-orm';
import { appeals, history, users } from '../../../db/schema';
import { type AppealDraft, seqOfRegNumber } from '../../../shared/appeals';
import { minskYear } from '../../../shared/calendar';
import { reviewDeadline } from '../../../shared/deadlines';
import { STATUS_NAMES } from '../../../shared/status';
import type { RegisteredAppeal, RegisteredCard } from '../../../shared/sync/protocol';
import { draftColumns } from '../appeals/appeal-row-mapping';
import { clearChildren } from '../appeals/card-children';
import { draftChanges } from '../appeals/draft-changes';
import { getAppeal } from '../appeals/get-appeal';
import { organisationOf } from '../appeals/save-appeal';
import { organisationCalendar } from '../calendar/org-calendar';
import { type Change, recordHistory } from '../history/record-history';
import type { ApplyContext } from './apply-context';
import { assignOfficialNumber } from './assign-official-number';
import { insertRemoteCard, linkRemoteChildren, missingFilesNote, type RemoteAttachment } from './remote-card';
import { writeState } from './sync-state';

/** `sync_state` key of a registration this workstation could not apply (for an administrator). */
export const unappliedRegistrationKey = (appealId: string) => `unapplied_registration:${appealId}`;

const instant = (text: string | null): Date | null => {
  if (text === null) return null;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : new Date(ms);
};

function draftOf(card: RegisteredCard, responsibleHeadId: string | null): AppealDraft {
  const {
    id: _id,
    status: _status,
    regNumber: _number,
    numberProvisional: _provisional,
    registeredAt: _registeredAt,
    deadlineAt: _deadlineAt,
    deadlineExplanation: _explanation,
    ...draft
  } = card;
  return { ...draft, responsibleHeadId };
}

/** The card's files: its references in order, with the size the central system announced. */
function attachmentsOf(data: RegisteredAppeal): RemoteAttachment[] {
  const sizes = new Map(data.files.map((f) => [f.sha256, f.size]));
  return data.card.attachments.map((a) => ({
    sha256: a.sha256,
    name: a.name,
    size: sizes.get(a.sha256) ?? 0,
    participantsList: a.participantsList,
  }));
}

interface Registration {
  draft: AppealDraft;
  /** When it was registered: the history entry's time, so it precedes the review actions that follow. */
  at: Date;
  columns: {
    status: string;
    registeredAt: number;
    regNumber: string | null;
    regYear: number;
    regSeq: number | null;
    numberProvisional: boolean;
    deadlineAt: number;
    deadlineExplanation: string;
  };
  /** Another card of this workstation holds the number already: it is not taken. */
  numberTaken: boolean;
}

/**
 * What the card becomes here: the registering workstation's requisites, number and review deadline (or
 * this one's calendar's, when the central system did not pass it on). A responsible head whose account
 * this workstation does not have is left out; a number held by another local card is not taken.
 */
function registrationOf(ctx: ApplyContext, card: RegisteredCard): Registration {
  const { db } = ctx;
  const head = card.responsibleHeadId
    ? db.select({ id: users.id }).from(users).where(eq(users.id, card.responsibleHeadId)).get()
    : undefined;
  const draft = draftOf(card, head?.id ?? null);
  const at = instant(card.registeredAt) ?? ctx.now;
  const given = instant(card.deadlineAt);
  const deadline = given
    ? { at: given.getTime(), explanation: card.deadlineExplanation ?? '' }
    : (() => {
        const term = reviewDeadline(at, draft.needsAdditionalStudy ? '1m' : '15d', organisationCalendar(db));
        return { at: term.deadline.getTime(), explanation: term.explanation };
      })();
  const holder = db
    .select({ id: appeals.id })
    .from(appeals)
    .where(and(eq(appeals.orgId, ctx.orgId), eq(appeals.regNumber, card.regNumber), ne(appeals.id, card.id)))
    .get();
  const org = organisationOf(db);
  const year = minskYear(at);
  return {
    draft,
    at,
    columns: {
      status: card.status,
      registeredAt: at.getTime(),
      regNumber: holder ? null : card.regNumber,
      regYear: year,
      regSeq: seqOfRegNumber(org.numberingPattern, { index: org.regIndex, year, kind: draft.kind }, card.regNumber),
      numberProvisional: false,
      deadlineAt: deadline.at,
      deadlineExplanation: deadline.explanation,
    },
    numberTaken: holder !== undefined,
  };
}

function historyText(card: RegisteredCard, r: Registration, missing: readonly string[]): string {
  const taken = r.numberTaken
    ? `; номер ${card.regNumber} уже занят другой карточкой этого рабочего места и не присвоен`
    : '';
  return `Зарегистрировано на другом рабочем месте под номером ${card.regNumber}${taken}${missingFilesNote(missing)}`;
}

/** A card this workstation does not hold: entered as registered, with its files and one history entry. */
function insertRegistered(ctx: ApplyContext, data: RegisteredAppeal): void {
  const { card } = data;
  const r = registrationOf(ctx, card);
  insertRemoteCard(ctx, card.id, r.draft, r.columns);
  const children = { topicCodes: r.draft.topicCodes, repeatOf: r.draft.repeatOf, files: attachmentsOf(data) };
  const missing = linkRemoteChildren(ctx, card.id, children, r.at);
  recordHistory(ctx.db, {
    appealId: card.id,
    userId: ctx.userId,
    at: r.at,
    action: 'registered',
    text: historyText(card, r, missing),
    changes: [{ field: 'Срок рассмотрения', from: '', to: r.columns.deadlineExplanation }],
  });
}

/**
 * A portal appeal this workstation holds as «поступило»: it takes the registered card (the registering
 * clerk may have completed the requisites), its number and review deadline; history lists what changed.
 */
function registerReceived(ctx: ApplyContext, data: RegisteredAppeal): void {
  const { db, now } = ctx;
  const { card } = data;
  const r = registrationOf(ctx, card);
  const before = getAppeal(db, card.id);
  db.update(appeals)
    .set({
      ...draftColumns(r.draft),
      ...r.columns,
      updatedAt: now.getTime(),
      version: sql`${appeals.version} + 1`,
    })
    .where(eq(appeals.id, card.id))
    .run();
  clearChildren(db, card.id);
  const files = attachmentsOf(data);
  const children = { topicCodes: r.draft.topicCodes, repeatOf: r.draft.repeatOf, files };
  const missing = linkRemoteChildren(ctx, card.id, children, r.at);
  const changes: Change[] = [
    { field: 'Статус', from: STATUS_NAMES[before.status], to: STATUS_NAMES[card.status] },
    ...draftChanges(before, { ...r.draft, attachments: files }),
    { field: 'Срок рассмотрения', from: '', to: r.columns.deadlineExplanation },
  ];
  // After what the card's history has already (its receipt here may have come later than its registration).
  const last = db
    .select({ at: sql<number | null>`max(${history.at})` })
    .from(history)
    .where(eq(history.appealId, card.id))
    .get();
  recordHistory(db, {
    appealId: card.id,
    userId: ctx.userId,
    at: new Date(Math.max(r.at.getTime(), last?.at ?? 0)),
    action: 'registered',
    text: historyText(card, r, missing),
    changes,
  });
}

/**
 * `appeal.registered`: a card registered on a workstation of the organisation and accepted by the
 * central system. A card this workstation does not hold is entered as registered; a portal appeal it
 * holds as «поступило» becomes registered. On the registering workstation — or when the change comes
 * again — the card is registered here already: at most a provisional number gives way to the official
 * one (as `appeal.numbered` does, whose later arrival then changes nothing). Applied in a savepoint: a
 * card the working copy cannot take is rolled back alone and kept in `sync_state`, never stalling the
 * feed. Its files were downloaded before the page (download-files.ts). Returns whether it wrote anything.
 */
export function applyRegisteredAppeal(ctx: ApplyContext, data: RegisteredAppeal): boolean {
  const { db, now } = ctx;
  const { card } = data;
  const local = db
    .select({ status: appeals.status, provisional: appeals.numberProvisional })
    .from(appeals)
    .where(eq(appeals.id, card.id))
    .get();
  if (local && local.status !== 'received') {
    if (!local.provisional || card.numberProvisional) return false;
    const n = { appealId: card.id, regNumber: card.regNumber, at: now, userId: ctx.userId };
    return assignOfficialNumber(db, n) === 'assigned';
  }
  try {
    db.transaction(() => (local ? registerReceived(ctx, data) : insertRegistered(ctx, data)));
    return true;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    writeState(db, unappliedRegistrationKey(card.id), JSON.stringify({ regNumber: card.regNumber, message }));
    return false;
  }
}
