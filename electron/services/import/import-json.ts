import { createHash } from 'node:crypto';
import { inArray, sql } from 'drizzle-orm';
import { inTransaction } from '../../../db/open';
import { applicantCategories, securityEvents, territories } from '../../../db/schema';
import type { AppealDraft, AttachmentRef } from '../../../shared/appeals';
import { fieldLabel } from '../../../shared/appeals';
import { type AppealFile, validateAppealDraft } from '../../../shared/appeals/validate-appeal';
import { toMinskIso } from '../../../shared/calendar';
import {
  type ImportIssue,
  type ImportReport,
  MAX_REPORTED_ISSUES,
  type ParsedRecord,
  parseImportFile,
} from '../../../shared/import/json-import';
import { knownTopicCodes } from '../appeals/card-children';
import { registerInTx } from '../appeals/register-appeal';
import { requireUser } from '../auth/auth-service';
import type { CallContext } from '../context';
import { recordHistory } from '../history/record-history';
import { recordSecurityEvent } from '../security/record-event';

/** A record that passed every check: its draft and the bytes of its files (stored only when all pass). */
interface ReadyRecord {
  parsed: ParsedRecord;
  draft: AppealDraft;
  files: { bytes: Buffer; ref: AttachmentRef }[];
}

const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function issueAt(parsed: ParsedRecord, field: string, reason: string): ImportIssue {
  const suffix = field === '' ? '' : field.startsWith('[') ? field : `.${field}`;
  return { record: parsed.record, path: `${parsed.path}${suffix}`, field, label: fieldLabel(field), reason };
}

/** Codes of one dictionary table that exist, for the codes the file names. */
function knownCodes(ctx: CallContext, table: typeof territories | typeof applicantCategories, codes: string[]) {
  const wanted = [...new Set(codes.filter((c) => c !== ''))];
  if (wanted.length === 0) return new Set<string>();
  return new Set(
    ctx.store.db
      .select({ code: table.code })
      .from(table)
      .where(inArray(table.code, wanted))
      .all()
      .map((r) => r.code),
  );
}

/**
 * Stage two: the card's own rules (validate-appeal.ts, register mode — the same format-logical control
 * as the «Зарегистрировать» button) on each record, its files checked by content like uploads, and the
 * codes checked against this workstation's classifiers.
 */
function checkRecords(ctx: CallContext, records: ParsedRecord[], now: Date) {
  const ready: ReadyRecord[] = [];
  const issues: ImportIssue[] = [];
  const { db } = ctx.store;
  const known = {
    territories: knownCodes(
      ctx,
      territories,
      records.map((r) => r.appeal.territoryCode),
    ),
    categories: knownCodes(
      ctx,
      applicantCategories,
      records.map((r) => r.appeal.applicantCategory),
    ),
  };
  for (const parsed of records) {
    const { attachments, ...requisites } = parsed.appeal;
    const files = attachments.map((a) => {
      const bytes = Buffer.from(a.dataBase64, 'base64');
      return { bytes, ref: { sha256: sha256Of(bytes), name: a.name, participantsList: a.participantsList } };
    });
    const draft: AppealDraft = {
      ...requisites,
      source: 'json',
      responsibleHeadId: null,
      repeatOf: [],
      attachments: files.map((f) => f.ref),
    };
    const candidates: AppealFile[] = files.map(({ bytes, ref }) => ({
      name: ref.name,
      size: bytes.length,
      head: bytes.subarray(0, 64),
      participantsList: ref.participantsList,
    }));
    const found = validateAppealDraft(draft, { mode: 'register', files: candidates, registeredAt: now }).map((i) =>
      issueAt(parsed, i.field, i.message),
    );
    const topics = new Set(knownTopicCodes(db, draft.topicCodes));
    draft.topicCodes.forEach((code, i) => {
      if (!topics.has(code))
        found.push(issueAt(parsed, `topicCodes[${i}]`, `нет темы с кодом «${code}» в классификаторе`));
    });
    if (draft.territoryCode !== '' && !known.territories.has(draft.territoryCode)) {
      found.push(issueAt(parsed, 'territoryCode', `нет территории с кодом «${draft.territoryCode}» в классификаторе`));
    }
    if (draft.applicantCategory !== '' && !known.categories.has(draft.applicantCategory)) {
      found.push(issueAt(parsed, 'applicantCategory', `нет категории заявителя с кодом «${draft.applicantCategory}»`));
    }
    if (found.length > 0) issues.push(...found);
    else ready.push({ parsed, draft, files });
  }
  return { ready, issues };
}

/** When this file's content was imported before (the log entry commits with the appeals). */
function earlierImport(ctx: CallContext, fileSha256: string): { at: number; count: number } | undefined {
  return ctx.store.db
    .select({ at: securityEvents.at, count: sql<number>`json_extract(${securityEvents.details}, '$.count')` })
    .from(securityEvents)
    .where(
      sql`${securityEvents.type} = 'json-import' AND ${securityEvents.result} = 'success' AND json_extract(${securityEvents.details}, '$.fileSha256') = ${fileSha256}`,
    )
    .get();
}

/**
 * «Загрузить JSON» (regulation 4.3): every record of the file is checked with the card's rules; when
 * all pass, their files are stored and all records are registered in ONE transaction exactly like the
 * card's registration (number, deadline, history, outbox command), with source «JSON» and one security
 * log entry. Any problem → nothing is registered and the report lists each one (path, field, reason).
 * The same content imported again is refused (the log entry remembers the file's sha256), so re-running
 * an import that did commit never duplicates appeals.
 */
export function importJson(ctx: CallContext, input: { fileName: string; bytes: Uint8Array }): ImportReport {
  const user = requireUser(ctx, 'clerk');
  const now = ctx.clock();
  const fileSha256 = sha256Of(input.bytes);
  const parsed = parseImportFile(input.bytes);
  const checked = checkRecords(ctx, parsed.records, now);
  const issues = [...parsed.issues, ...checked.issues].sort((a, b) => (a.record ?? -1) - (b.record ?? -1));
  const earlier = earlierImport(ctx, fileSha256);
  if (earlier) {
    issues.unshift({
      record: null,
      path: '$',
      field: '',
      label: '',
      reason: `этот файл уже загружен ${toMinskIso(new Date(earlier.at)).slice(0, 16).replace('T', ' ')} (обращений: ${earlier.count}) — повторная загрузка создала бы дубликаты`,
    });
  }
  const report: ImportReport = {
    ok: issues.length === 0,
    fileName: input.fileName,
    fileSha256,
    total: parsed.total,
    imported: [],
    issues: issues.slice(0, MAX_REPORTED_ISSUES),
    moreIssues: Math.max(0, issues.length - MAX_REPORTED_ISSUES),
  };
  const event = { type: 'json-import' as const, login: user.login, userId: user.id };
  if (!report.ok) {
    inTransaction(ctx.store.sqlite, () =>
      recordSecurityEvent(ctx, {
        ...event,
        result: 'failure',
        details: { fileName: input.fileName, fileSha256, total: parsed.total, issues: issues.length },
      }),
    );
    return report;
  }
  // Files first (content-addressed, temp + fsync + rename): a crash before the commit leaves at most
  // unreferenced files, never a card pointing at a missing or half-written one.
  for (const record of checked.ready) for (const file of record.files) ctx.files.put(file.bytes);
  report.imported = inTransaction(ctx.store.sqlite, () => {
    const imported = checked.ready.map(({ parsed: p, draft }) => {
      const registered = registerInTx(ctx, { id: null, draft, expectedVersion: null }, now);
      recordHistory(ctx.store.db, {
        appealId: registered.id,
        userId: user.id,
        at: now,
        action: 'imported',
        text: `Загружено из файла JSON «${input.fileName}» (запись ${p.record + 1})`,
      });
      return { record: p.record, id: registered.id, regNumber: registered.regNumber };
    });
    recordSecurityEvent(ctx, {
      ...event,
      result: 'success',
      details: { fileName: input.fileName, fileSha256, count: imported.length },
    });
    return imported;
  });
  return report;
}
