import type { Attachment } from '../../../shared/appeals';
import { DISPATCH_KIND_NAMES, RESOLUTION_STATE_NAMES, type ReviewView, TASK_STATE_NAMES } from '../../../shared/review';
import { formatMinsk } from './card-labels';
import type { CardWriter, Cell } from './card-writer';

const COLUMNS = [0.18, 0.24, 0.58];
const line = (text: string, extra: Partial<Cell[number]> = {}): Cell[number] => ({ text, ...extra });

function resolutionRows(w: CardWriter, review: ReviewView, header: Cell[]): void {
  review.resolutions.forEach((r, i) => {
    const what: Cell = [
      line(`Резолюция ${i + 1} (${RESOLUTION_STATE_NAMES[r.state]}): ${r.text}`, { bold: true }),
      ...r.tasks.map((t) =>
        line(
          `${t.executor.name}${t.responsible ? ' (отв.)' : ''}, срок ${formatMinsk(t.dueAt)} — ${TASK_STATE_NAMES[t.state]}` +
            `${t.resultText ? `: ${t.resultText}` : ''}${t.rejectReason && t.state === 'rejected' ? ` [отклонено: ${t.rejectReason}]` : ''}`,
          { size: 7.5 },
        ),
      ),
    ];
    if (r.summary) what.push(line(`Сводный результат (${r.summary.by.name}): ${r.summary.text}`, { size: 7.5 }));
    if (r.signedBy && r.signedAt)
      what.push(line(`Подписано: ${r.signedBy.name}, ${formatMinsk(r.signedAt)}`, { size: 7.5 }));
    w.row([[line(formatMinsk(r.createdAt))], [line(r.author.name)], what], COLUMNS, { header });
  });
}

function dispatchRows(w: CardWriter, review: ReviewView, header: Cell[]): void {
  for (const d of review.dispatches) {
    const to = d.organisation ? ` — ${d.organisation.name}` : '';
    const due = d.dueAt ? `; срок ${formatMinsk(d.dueAt)}${d.onControl ? ', на контроле' : ''}` : '';
    const what: Cell = [line(`${DISPATCH_KIND_NAMES[d.kind]}${to}${due}`, { bold: true }), line(d.text, { size: 7.5 })];
    if (d.files.length > 0) what.push(line(`Файлы: ${d.files.map((f) => f.name).join(', ')}`, { size: 7.5 }));
    w.row([[line(formatMinsk(d.at))], [line(d.by.name)], what], COLUMNS, { header });
  }
}

/** «Рассмотрение»: the resolutions with executors, results, summary and signature, then the correspondence [4.5–4.8]. */
export function reviewSection(w: CardWriter, review: ReviewView): void {
  if (review.resolutions.length === 0 && review.dispatches.length === 0 && !review.responsibleHead) return;
  w.section('Рассмотрение');
  if (review.responsibleHead)
    w.row([[line('Ответственный руководитель')], [line(review.responsibleHead.name)]], [0.32, 0.68]);
  if (review.control)
    w.row(
      [[line('На контроле')], [line(`${review.control.controller.name}, срок ${formatMinsk(review.control.dueAt)}`)]],
      [0.32, 0.68],
    );
  const header: Cell[] = [
    [line('Когда', { bold: true })],
    [line('Кто', { bold: true })],
    [line('Что', { bold: true })],
  ];
  if (review.resolutions.length + review.dispatches.length === 0) return;
  w.row(header, COLUMNS, { shade: true });
  resolutionRows(w, review, header);
  dispatchRows(w, review, header);
  signatureRows(w, review, header);
}

/** ЭЦП: who signed what, with which certificate, and the check made when the PDF was built. */
function signatureRows(w: CardWriter, review: ReviewView, header: Cell[]): void {
  const kinds = { summary: 'сводный результат', answer: 'ответ заявителю', decision: 'решение' } as const;
  for (const s of review.signatures) {
    const what: Cell = [
      line(`ЭЦП: ${kinds[s.document.kind]} — ${s.valid ? 'подпись верна' : 'подпись недействительна'}`, { bold: true }),
      line(`Сертификат: ${s.certificate.subject}; выдан ${s.certificate.issuer}; № ${s.certificate.serialNumber}`, {
        size: 7.5,
      }),
      line(`${s.reason}${s.development ? ' (ключ разработчика — не для юридически значимой подписи)' : ''}`, {
        size: 7.5,
      }),
    ];
    w.row([[line(formatMinsk(s.signedAt))], [line(s.signer.name)], what], COLUMNS, { header });
  }
}

/** Files of the review process (results, summaries, answers, letters), appended after the card's own. */
export function reviewAttachments(review: ReviewView): Attachment[] {
  const out: Attachment[] = [];
  const add = (label: string, files: ReviewView['dispatches'][number]['files']) => {
    for (const f of files) out.push({ ...f, name: `${label}: ${f.name}`, participantsList: false });
  };
  review.resolutions.forEach((r, i) => {
    add(`Резолюция ${i + 1}`, r.files);
    for (const t of r.tasks) add(`Результат (${t.executor.name})`, t.files);
    if (r.summary) add(`Сводный результат ${i + 1}`, r.summary.files);
  });
  for (const d of review.dispatches) add(DISPATCH_KIND_NAMES[d.kind], d.files);
  for (const s of review.signatures)
    add('ЭЦП', [
      { ...s.documentFile, type: 'text/plain' },
      { ...s.p7sFile, type: 'application/pkcs7-signature' },
    ]);
  return out;
}
