import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import {
  appeals,
  appealTopics,
  dispatches,
  resolutions,
  resolutionTasks,
  reviewEvents,
  reviewFiles,
  signatures,
  userCertificates,
} from '../../../db/schema';
import type { AppealStatus } from '../../../shared/appeals';
import { addMonthsClamped, endOfMinskDay, formatRuDate, minskDateOf } from '../../../shared/calendar';
import { LAW_300 } from '../../../shared/deadlines/deadline';
import {
  type DispatchKind,
  LEAVE_GROUND_TEXTS,
  QUESTION_RESULT_NAMES,
  type ReviewAction,
  type ReviewCommand,
  type ReviewFile,
  type SignatureRecord,
} from '../../../shared/review';
import { FINAL_STATUSES, STATUS_NAMES } from '../../../shared/status';
import { type Change, recordHistory } from '../history/record-history';

type Apply<T extends ReviewAction['type']> = (
  tx: ApplyTx,
  action: Extract<ReviewAction, { type: T }>,
) => { text: string; changes?: Change[] };

interface ApplyTx {
  db: Db;
  command: ReviewCommand;
  at: number;
  name(id: string | null): string;
  files(owner: string, refs: readonly ReviewFile[]): void;
  dispatch(kind: DispatchKind, fields: Partial<typeof dispatches.$inferInsert> & { text: string }): void;
}

const dueAt = (date: string) => endOfMinskDay(date).getTime();
const quote = (text: string, max = 120) => `«${text.length > max ? `${text.slice(0, max - 1)}…` : text}»`;

function updateTask(
  tx: ApplyTx,
  resolutionId: string,
  executorId: string,
  set: Partial<typeof resolutionTasks.$inferInsert>,
) {
  tx.db
    .update(resolutionTasks)
    .set(set)
    .where(and(eq(resolutionTasks.resolutionId, resolutionId), eq(resolutionTasks.executorId, executorId)))
    .run();
}

function updateResolution(tx: ApplyTx, id: string, set: Partial<typeof resolutions.$inferInsert>) {
  tx.db.update(resolutions).set(set).where(eq(resolutions.id, id)).run();
}

function responsibleOf(tx: ApplyTx, resolutionId: string): string | undefined {
  return tx.db
    .select({ id: resolutionTasks.executorId })
    .from(resolutionTasks)
    .where(and(eq(resolutionTasks.resolutionId, resolutionId), eq(resolutionTasks.responsible, true)))
    .get()?.id;
}

const entityId = (tx: ApplyTx) => {
  if (!tx.command.entityId) throw new Error(`${tx.command.action.type} command without entityId`);
  return tx.command.entityId;
};

const orgName = (tx: ApplyTx, orgId: string) => tx.name(orgId);

/**
 * A new review term from a resolution [4.5]; beyond one month from registration the applicant must be
 * told in writing with the reasons (Law 300-З art. 17) — the explanation says so.
 */
function setReviewTerm(tx: ApplyTx, day: string): Change[] {
  const row = tx.db
    .select({ registeredAt: appeals.registeredAt, deadlineAt: appeals.deadlineAt })
    .from(appeals)
    .where(eq(appeals.id, tx.command.appealId))
    .get();
  const registered = row?.registeredAt ? minskDateOf(new Date(row.registeredAt)) : day;
  const beyondMonth = day > addMonthsClamped(registered, 1);
  const explanation =
    `Срок рассмотрения установлен резолюцией (${tx.command.actor.name}) — до ${formatRuDate(day)} включительно.` +
    (beyondMonth
      ? ` Срок превышает один месяц: заявителю направляется письменное уведомление с обоснованием и новым сроком (ст. 17 ${LAW_300}).`
      : '');
  tx.db
    .update(appeals)
    .set({ deadlineAt: dueAt(day), deadlineExplanation: explanation })
    .where(eq(appeals.id, tx.command.appealId))
    .run();
  const before = row?.deadlineAt ? formatRuDate(minskDateOf(new Date(row.deadlineAt))) : '';
  return [{ field: 'Срок рассмотрения', from: before, to: formatRuDate(day) }];
}

function updateQuestions(tx: ApplyTx, codes: readonly string[] | null, set: Partial<typeof appealTopics.$inferInsert>) {
  const ofAppeal = eq(appealTopics.appealId, tx.command.appealId);
  const where = codes === null ? ofAppeal : and(ofAppeal, inArray(appealTopics.topicCode, [...codes]));
  tx.db.update(appealTopics).set(set).where(where).run();
}

/**
 * Stores a verified ЭЦП: its row, the signed document and the .p7s as files of the card, and binds the
 * certificate to the signer (a certificate once used by one user is refused for any other).
 */
function recordSignature(tx: ApplyTx, kind: string, documentId: string, s: SignatureRecord) {
  tx.db
    .insert(signatures)
    .values({
      id: s.id,
      appealId: tx.command.appealId,
      documentKind: kind,
      documentId,
      userId: tx.command.actor.id,
      signerName: tx.command.actor.name,
      certSubject: s.certificate.subject,
      certIssuer: s.certificate.issuer,
      certSerial: s.certificate.serialNumber,
      certNotAfter: s.certificate.notAfter,
      certSha256: s.certificate.sha256,
      signedAt: new Date(s.signedAt).getTime(),
      development: s.development,
      documentSha256: s.documentFile.sha256,
      documentName: s.documentFile.name,
      p7sSha256: s.p7sFile.sha256,
      p7sName: s.p7sFile.name,
    })
    .run();
  tx.files(`signature:${s.id}`, [s.documentFile, s.p7sFile]);
  tx.db
    .insert(userCertificates)
    .values({
      certSha256: s.certificate.sha256,
      userId: tx.command.actor.id,
      subject: s.certificate.subject,
      boundAt: tx.at,
    })
    .onConflictDoNothing()
    .run();
}

/** What each action writes and how its history entry reads (regulation 4.5–4.9). */
const APPLY: { [T in ReviewAction['type']]: Apply<T> } = {
  assignResponsible: (tx, a) => {
    const before = tx.db
      .select({ id: appeals.responsibleHeadId })
      .from(appeals)
      .where(eq(appeals.id, tx.command.appealId))
      .get();
    tx.db.update(appeals).set({ responsibleHeadId: a.headId }).where(eq(appeals.id, tx.command.appealId)).run();
    return {
      text: `Назначен ответственный руководитель: ${tx.name(a.headId)}`,
      changes: [{ field: 'Ответственный руководитель', from: tx.name(before?.id ?? null), to: tx.name(a.headId) }],
    };
  },
  createResolution: (tx, a) => {
    const id = entityId(tx);
    tx.db
      .insert(resolutions)
      .values({
        id,
        appealId: tx.command.appealId,
        authorId: tx.command.actor.id,
        text: a.text,
        state: a.asDraft ? 'draft' : 'in_progress',
        createdAt: tx.at,
      })
      .run();
    a.executors.forEach((e, position) => {
      tx.db
        .insert(resolutionTasks)
        .values({
          resolutionId: id,
          executorId: e.userId,
          appealId: tx.command.appealId,
          responsible: e.userId === a.responsibleUserId,
          position,
          dueAt: dueAt(e.dueDate),
          state: 'assigned',
        })
        .run();
    });
    for (const e of a.executors)
      if (e.topicCodes.length > 0) updateQuestions(tx, e.topicCodes, { executorId: e.userId });
    // Questions nobody was named for are the responsible executor's.
    tx.db
      .update(appealTopics)
      .set({ executorId: a.responsibleUserId })
      .where(
        and(
          eq(appealTopics.appealId, tx.command.appealId),
          isNull(appealTopics.executorId),
          isNull(appealTopics.redirectedTo),
        ),
      )
      .run();
    const termChange = a.reviewDeadline ? setReviewTerm(tx, a.reviewDeadline) : [];
    tx.files(`resolution:${id}`, a.files);
    const who = a.executors
      .map(
        (e) =>
          `${tx.name(e.userId)}${e.userId === a.responsibleUserId ? ' (ответственный)' : ''} — до ${formatRuDate(e.dueDate)}`,
      )
      .join('; ');
    const what = a.asDraft ? 'Создан проект резолюции (на утверждение руководителю организации)' : 'Создана резолюция';
    return { text: `${what} ${quote(a.text)}. Исполнители: ${who}`, changes: termChange };
  },
  approveResolution: (tx, a) => {
    updateResolution(tx, a.resolutionId, { state: 'in_progress' });
    return { text: 'Проект резолюции утверждён: исполнители приступают к исполнению' };
  },
  submitResult: (tx, a) => {
    const executorId = tx.command.actor.id;
    // The responsible executor's own result needs no check by anyone else [4.5].
    const own = responsibleOf(tx, a.resolutionId) === executorId;
    updateTask(tx, a.resolutionId, executorId, {
      state: own ? 'accepted' : 'submitted',
      resultText: a.text,
      resultAt: tx.at,
      rejectReason: '',
    });
    tx.files(`result:${a.resolutionId}:${executorId}`, a.files);
    return { text: `Внесён результат исполнения резолюции: ${quote(a.text)}` };
  },
  acceptResult: (tx, a) => {
    updateTask(tx, a.resolutionId, a.executorId, { state: 'accepted' });
    return { text: `Принят результат исполнителя ${tx.name(a.executorId)}` };
  },
  rejectResult: (tx, a) => {
    updateTask(tx, a.resolutionId, a.executorId, { state: 'rejected', rejectReason: a.reason });
    return { text: `Результат исполнителя ${tx.name(a.executorId)} отклонён на доработку: ${quote(a.reason)}` };
  },
  submitSummary: (tx, a) => {
    const before = tx.db
      .select({ text: resolutions.summaryText })
      .from(resolutions)
      .where(eq(resolutions.id, a.resolutionId))
      .get();
    updateResolution(tx, a.resolutionId, {
      state: 'awaiting_signature',
      summaryText: a.text,
      summaryAt: tx.at,
      summaryBy: tx.command.actor.id,
      returnReason: '',
    });
    tx.files(`summary:${a.resolutionId}`, a.files);
    return {
      text: `${before?.text ? 'Изменён' : 'Внесён'} сводный результат резолюции и направлен на подпись: ${quote(a.text)}`,
    };
  },
  signSummary: (tx, a) => {
    updateResolution(tx, a.resolutionId, { state: 'executed', signedBy: tx.command.actor.id, signedAt: tx.at });
    if (a.signature) recordSignature(tx, 'summary', a.resolutionId, a.signature);
    const summary = tx.db
      .select({ text: resolutions.summaryText })
      .from(resolutions)
      .where(eq(resolutions.id, a.resolutionId))
      .get();
    // The applicant sees the signed summary as an interim answer [4.5].
    tx.dispatch('interim', { text: summary?.text ?? '' });
    return { text: 'Сводный результат подписан: резолюция исполнена, заявителю доступен промежуточный ответ' };
  },
  signDocument: (tx, a) => {
    recordSignature(tx, a.document.kind, a.document.dispatchId, a.signature);
    const what = a.document.kind === 'answer' ? 'Ответ заявителю' : 'Решение об оставлении без рассмотрения';
    return { text: `${what} подписан(о) ЭЦП: ${a.signature.certificate.subject}` };
  },
  returnSummary: (tx, a) => {
    updateResolution(tx, a.resolutionId, { state: 'in_progress', returnReason: a.reason });
    return { text: `Сводный результат возвращён на доработку: ${quote(a.reason)}` };
  },
  complete: (tx, a) => {
    tx.dispatch('answer', { text: a.text, answerForm: a.answerForm });
    for (const q of a.questionResults) updateQuestions(tx, [q.topicCode], { result: q.result });
    const how = a.answerForm === 'post' ? 'почтовым отправлением' : 'в электронной форме';
    return {
      text: `Рассмотрение завершено, ответ направлен ${how}: ${quote(a.text)}`,
      changes: a.questionResults.map((q) => ({
        field: `Вопрос ${q.topicCode}`,
        from: '',
        to: QUESTION_RESULT_NAMES[q.result],
      })),
    };
  },
  sendMessage: (tx, a) => {
    tx.dispatch('message', { text: a.text });
    return { text: `Заявителю направлено сообщение: ${quote(a.text)}` };
  },
  redirect: (tx, a) => {
    const control = a.onControl
      ? `; на контроле${a.controlDueDate ? ` до ${formatRuDate(a.controlDueDate)}` : ''}`
      : '';
    tx.dispatch('redirect', {
      text: a.text,
      orgId: a.orgId,
      orgName: orgName(tx, a.orgId),
      topicCodes: JSON.stringify(a.topicCodes),
      onControl: a.onControl,
      dueAt: a.controlDueDate ? dueAt(a.controlDueDate) : null,
    });
    const name = orgName(tx, a.orgId);
    if (a.topicCodes.length > 0) updateQuestions(tx, a.topicCodes, { redirectedTo: name });
    else
      tx.db
        .update(appealTopics)
        .set({ redirectedTo: name })
        .where(and(eq(appealTopics.appealId, tx.command.appealId), isNull(appealTopics.redirectedTo)))
        .run();
    const what =
      tx.command.statusAfter === 'redirected'
        ? 'Обращение перенаправлено'
        : `Вопросы ${a.topicCodes.join(', ')} перенаправлены`;
    return { text: `${what} по компетенции в «${orgName(tx, a.orgId)}»${control}` };
  },
  sendRequest: (tx, a) => {
    tx.dispatch('request', {
      text: a.text,
      orgId: a.orgId,
      orgName: orgName(tx, a.orgId),
      dueAt: a.dueDate ? dueAt(a.dueDate) : null,
    });
    return {
      text: `Направлен запрос в «${orgName(tx, a.orgId)}»${a.dueDate ? ` со сроком до ${formatRuDate(a.dueDate)}` : ''}`,
    };
  },
  sendInstruction: (tx, a) => {
    tx.dispatch('instruction', {
      text: a.text,
      orgId: a.orgId,
      orgName: orgName(tx, a.orgId),
      dueAt: dueAt(a.dueDate),
      onControl: true,
    });
    return { text: `Направлено поручение «${orgName(tx, a.orgId)}» со сроком до ${formatRuDate(a.dueDate)}` };
  },
  controlInstruction: (tx, a) => {
    const redirect = tx.db
      .select({ orgId: dispatches.orgId, orgName: dispatches.orgName })
      .from(dispatches)
      .where(eq(dispatches.id, a.dispatchId))
      .get();
    const name = redirect?.orgName ?? '';
    tx.dispatch('instruction', {
      text: a.text,
      orgId: redirect?.orgId ?? null,
      orgName: name,
      dueAt: dueAt(a.dueDate),
      onControl: true,
    });
    return {
      text: `Направлено поручение «${name}» по перенаправленному обращению с новым сроком до ${formatRuDate(a.dueDate)}`,
    };
  },
  leaveWithoutConsideration: (tx, a) => {
    tx.dispatch('notice', { text: a.text });
    return {
      text: `Оставлено без рассмотрения по существу: ${LEAVE_GROUND_TEXTS[a.ground].name}. Заявителю направлено уведомление`,
    };
  },
  withdraw: (_tx, a) => ({ text: `Отмечен отзыв обращения заявителем: ${quote(a.note)}` }),
  setControl: (tx, a) => {
    tx.db
      .update(appeals)
      .set({ controlBy: a.controllerId, controlDueAt: dueAt(a.dueDate), controlNote: a.note })
      .where(eq(appeals.id, tx.command.appealId))
      .run();
    return { text: `Поставлено на контроль: контролёр ${tx.name(a.controllerId)}, срок до ${formatRuDate(a.dueDate)}` };
  },
  removeControl: (tx, a) => {
    tx.db
      .update(appeals)
      .set({ controlBy: null, controlDueAt: null, controlNote: '' })
      .where(eq(appeals.id, tx.command.appealId))
      .run();
    return { text: `Снято с контроля${a.note ? `: ${quote(a.note)}` : ''}` };
  },
};

/**
 * Applies one review command inside the caller's transaction — the same code for the workstation that
 * performed the action and for every other workstation receiving it through the change feed: the
 * action's rows, the appeal's status and version, one history entry, and the `review_events` row that
 * makes a second application a no-op.
 */
export function applyReviewCommand(db: Db, command: ReviewCommand, commandId: string, now: Date): void {
  const seen = db
    .select({ id: reviewEvents.commandId })
    .from(reviewEvents)
    .where(eq(reviewEvents.commandId, commandId))
    .get();
  if (seen) return;
  const at = new Date(command.at).getTime();
  const fileInfo = new Map(command.files.map((f) => [f.sha256, f]));
  const tx: ApplyTx = {
    db,
    command,
    at,
    name: (id) => (id === null ? '' : (command.names[id] ?? id)),
    files(owner, refs) {
      db.delete(reviewFiles).where(eq(reviewFiles.owner, owner)).run();
      refs.forEach((ref, position) => {
        const info = fileInfo.get(ref.sha256);
        db.insert(reviewFiles)
          .values({
            owner,
            position,
            appealId: command.appealId,
            sha256: ref.sha256,
            name: ref.name,
            size: info?.size ?? 0,
            type: info?.type ?? 'application/octet-stream',
            addedAt: at,
            addedBy: command.actor.id,
          })
          .run();
      });
    },
    dispatch(kind, fields) {
      const id = command.entityId ?? commandId;
      db.insert(dispatches)
        .values({ id, appealId: command.appealId, kind, createdAt: at, createdBy: command.actor.id, ...fields })
        .run();
      const refs = 'files' in command.action ? command.action.files : [];
      tx.files(`dispatch:${id}`, refs);
    },
  };
  const apply = APPLY[command.action.type] as Apply<ReviewAction['type']>;
  const entry = apply(tx, command.action);
  const changes = [...(entry.changes ?? [])];
  if (command.statusAfter !== command.statusBefore) {
    changes.push({
      field: 'Статус',
      from: STATUS_NAMES[command.statusBefore as AppealStatus] ?? command.statusBefore,
      to: STATUS_NAMES[command.statusAfter as AppealStatus] ?? command.statusAfter,
    });
  }
  db.update(appeals)
    .set({
      status: command.statusAfter,
      // The moment it reached a final status: reports measure terms by it [4.10].
      ...(command.statusAfter !== command.statusBefore
        ? { closedAt: FINAL_STATUSES.has(command.statusAfter as AppealStatus) ? at : null }
        : {}),
      updatedAt: now.getTime(),
      version: sql`${appeals.version} + 1`,
    })
    .where(eq(appeals.id, command.appealId))
    .run();
  recordHistory(db, {
    appealId: command.appealId,
    userId: command.actor.id,
    at: new Date(at),
    action: command.action.type,
    text: entry.text,
    changes,
  });
  db.insert(reviewEvents).values({ commandId, appealId: command.appealId, appliedAt: now.getTime() }).run();
}
