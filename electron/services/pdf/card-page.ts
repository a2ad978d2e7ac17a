import type { PDFDocument, PDFPage } from 'pdf-lib';
import type { AppealCard } from '../../../shared/appeals';
import { toMinskIso } from '../../../shared/calendar';
import type { ReviewView } from '../../../shared/review';
import { STATUS_NAMES } from '../../../shared/status';
import type { PlannedAttachment } from './attachments-pages';
import { placementText } from './attachments-pages';
import {
  ANSWER_FORM_NAMES,
  APPLICANT_KIND_NAMES,
  FORM_NAMES,
  formatBytes,
  formatMinsk,
  KIND_NAMES,
  printedNumber,
  SOURCE_NAMES,
  TYPE_NAMES,
} from './card-labels';
import type { CardNames } from './card-lookups';
import { CardWriter, type Cell } from './card-writer';
import type { CardFonts } from './fonts';
import { reviewSection } from './review-section';

const LABEL = [0.32, 0.68];
const ATTACHMENT_COLUMNS = [0.05, 0.58, 0.1, 0.27];
const HISTORY_COLUMNS = [0.18, 0.24, 0.58];

const cell = (text: string, bold = false, size?: number): Cell => [
  { text, bold, ...(size === undefined ? {} : { size }) },
];

function requisite(w: CardWriter, label: string, value: string | Cell): void {
  w.row([cell(label), typeof value === 'string' ? cell(value) : value], LABEL);
}

function registration(w: CardWriter, card: AppealCard, names: CardNames): void {
  w.section('Регистрация');
  requisite(w, 'Регистрационный №', cell(printedNumber(card.regNumber, card.numberProvisional), true, 10));
  requisite(w, 'Статус', STATUS_NAMES[card.status]);
  requisite(w, 'Дата и время поступления', formatMinsk(card.receivedAt));
  requisite(w, 'Дата регистрации', formatMinsk(card.registeredAt));
  const registrationTerm = card.status === 'draft' || card.status === 'received';
  const deadline: Cell = card.deadlineAt
    ? [
        { text: formatMinsk(card.deadlineAt), bold: true },
        ...(card.deadlineExplanation ? [{ text: card.deadlineExplanation, size: 8 }] : []),
      ]
    : cell('не установлен');
  requisite(w, registrationTerm ? 'Срок регистрации' : 'Срок рассмотрения', deadline);
  requisite(w, 'Ответственный руководитель', names.head);
  if (card.repeats.length > 0)
    requisite(w, 'Повторное к обращениям', card.repeats.map((r) => `№ ${r.regNumber ?? r.id}`).join(', '));
}

function appeal(w: CardWriter, card: AppealCard, names: CardNames): void {
  w.section('Обращение');
  requisite(w, 'Вид обращения', KIND_NAMES[card.kind]);
  requisite(w, 'Тип обращения', TYPE_NAMES[card.appealType]);
  requisite(w, 'Форма подачи', FORM_NAMES[card.form]);
  requisite(w, 'Источник поступления', SOURCE_NAMES[card.source]);
  requisite(w, 'Форма ответа', ANSWER_FORM_NAMES[card.answerForm]);
  requisite(
    w,
    'Тематика',
    card.topicCodes.map((code) => ({ text: `${code}  ${names.topics.get(code) ?? ''}`.trim() })),
  );
  requisite(w, 'Территория', names.territory);
  requisite(w, 'Дополнительное изучение и проверка', card.needsAdditionalStudy ? 'да (срок — 1 месяц)' : 'нет');
}

function applicant(w: CardWriter, card: AppealCard, names: CardNames): void {
  const a = card.applicant;
  w.section('Заявитель');
  requisite(w, 'Заявитель', APPLICANT_KIND_NAMES[a.kind]);
  if (a.kind === 'person') {
    requisite(w, 'Фамилия, имя, отчество', cell([a.surname, a.name, a.patronymic].filter(Boolean).join(' '), true));
  } else {
    requisite(w, 'Наименование организации', cell(a.orgName, true));
    requisite(w, 'УНП', a.unp);
    requisite(w, 'Подписант (руководитель)', a.signer);
  }
  requisite(w, 'Адрес', a.address);
  requisite(w, 'Телефон', a.phone);
  requisite(w, 'Электронная почта', a.email);
  requisite(w, 'Категория заявителя', names.category);
}

function content(w: CardWriter, card: AppealCard): void {
  w.section('Содержание');
  requisite(w, 'Краткое содержание', cell(card.summary, true));
  requisite(w, 'Содержание обращения', card.content);
  requisite(w, 'Примечание', card.notes);
}

function attachmentList(w: CardWriter, planned: PlannedAttachment[]): void {
  w.section('Вложения');
  const header = [
    cell('№', true),
    cell('Файл / контрольная сумма SHA-256', true),
    cell('Размер', true),
    cell('Размещение в PDF', true),
  ];
  w.row(header, ATTACHMENT_COLUMNS, { shade: true });
  if (planned.length === 0) w.row([cell('—'), cell('вложений нет'), cell(''), cell('')], ATTACHMENT_COLUMNS);
  for (const p of planned) {
    const a = p.attachment;
    const name = a.participantsList ? `${a.name} (список участников)` : a.name;
    w.row(
      [
        cell(String(p.index)),
        [{ text: name }, { text: a.sha256, size: 6.4 }],
        cell(formatBytes(a.size)),
        cell(placementText(p)),
      ],
      ATTACHMENT_COLUMNS,
      { header },
    );
  }
}

function historyTable(w: CardWriter, card: AppealCard): void {
  w.section('История');
  const header = [cell('Когда', true), cell('Кто', true), cell('Что сделано', true)];
  w.row(header, HISTORY_COLUMNS, { shade: true });
  if (card.history.length === 0) w.row([cell(''), cell(''), cell('записей нет')], HISTORY_COLUMNS);
  for (const h of card.history) {
    const what: Cell = [
      { text: h.text },
      ...h.changes.map((c) => ({ text: `${c.field}: ${c.from || '—'} → ${c.to || '—'}`, size: 7.5 })),
    ];
    w.row([cell(formatMinsk(h.at)), cell(h.user), what], HISTORY_COLUMNS, { header });
  }
}

/** The registration card as a paper РКК: every requisite in bordered tables, on as many pages as it takes. */
export function drawCardPages(
  doc: PDFDocument,
  fonts: CardFonts,
  card: AppealCard,
  names: CardNames,
  planned: PlannedAttachment[],
  at: Date,
  review: ReviewView | null = null,
): PDFPage[] {
  const w = new CardWriter(doc, fonts);
  w.centered(names.organisation, 10, true);
  w.space(8);
  w.centered('РЕГИСТРАЦИОННО-КОНТРОЛЬНАЯ КАРТОЧКА', 13, true);
  w.centered('обращения гражданина, юридического лица', 9);
  w.space(10);
  registration(w, card, names);
  w.space(4);
  appeal(w, card, names);
  w.space(4);
  applicant(w, card, names);
  w.space(4);
  content(w, card);
  w.space(4);
  attachmentList(w, planned);
  w.space(4);
  if (review) {
    reviewSection(w, review);
    w.space(4);
  }
  historyTable(w, card);
  w.space(8);
  w.row(
    [
      cell(
        `Сформировано АРМ делопроизводителя ${formatMinsk(toMinskIso(at))}. Карточка в машиночитаемом виде — вложенный файл card.json.`,
        false,
        7.5,
      ),
    ],
    [1],
  );
  return w.finish();
}
