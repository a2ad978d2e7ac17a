import {
  ANSWER_FORM_NAMES,
  FORM_NAMES,
  formatMinsk,
  KIND_NAMES,
  printedNumber,
  SOURCE_NAMES,
  TYPE_NAMES,
} from '../electron/services/pdf/card-labels';
import type { CardNames } from '../electron/services/pdf/card-lookups';
import type { AppealCard } from '../shared/appeals';
import { STATUS_NAMES } from '../shared/status';

const esc = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

/**
 * The Chromium baseline's input: the same card's requisites as HTML (bordered tables in DejaVu Sans,
 * A4 with the card's margins), what a browser-printing implementation of the export would render.
 */
export function cardHtml(card: AppealCard, names: CardNames): string {
  const a = card.applicant;
  const applicant = a.kind === 'person' ? [a.surname, a.name, a.patronymic].filter(Boolean).join(' ') : a.orgName;
  const rows: Array<[string, string]> = [
    ['Регистрационный №', printedNumber(card.regNumber, card.numberProvisional)],
    ['Статус', STATUS_NAMES[card.status]],
    ['Дата и время поступления', formatMinsk(card.receivedAt)],
    ['Дата регистрации', formatMinsk(card.registeredAt)],
    ['Срок рассмотрения', `${formatMinsk(card.deadlineAt)} ${card.deadlineExplanation ?? ''}`],
    ['Ответственный руководитель', names.head],
    ['Вид обращения', KIND_NAMES[card.kind]],
    ['Тип обращения', TYPE_NAMES[card.appealType]],
    ['Форма подачи', FORM_NAMES[card.form]],
    ['Источник поступления', SOURCE_NAMES[card.source]],
    ['Форма ответа', ANSWER_FORM_NAMES[card.answerForm]],
    ['Тематика', card.topicCodes.map((c) => `${c} ${names.topics.get(c) ?? ''}`).join('; ')],
    ['Территория', names.territory],
    ['Заявитель', applicant],
    ['Адрес', a.address],
    ['Телефон', a.phone],
    ['Электронная почта', a.email],
    ['Категория заявителя', names.category],
    ['Краткое содержание', card.summary],
    ['Содержание обращения', card.content],
    ['Примечание', card.notes],
  ];
  const history = card.history
    .map((h) => `<tr><td>${esc(formatMinsk(h.at))}</td><td>${esc(h.user)}</td><td>${esc(h.text)}</td></tr>`)
    .join('');
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><style>
@page { size: A4; margin: 20mm 14mm 18mm 22mm; } body { font-family: 'DejaVu Sans'; font-size: 8.5pt; }
h1 { font-size: 13pt; text-align: center; margin: 6pt 0 0; } .org { text-align: center; font-weight: bold; }
table { width: 100%; border-collapse: collapse; margin-top: 6pt; } td { border: 0.6pt solid #595959; padding: 2pt 4pt; vertical-align: top; }
td.l { width: 32%; } th { background: #e6e6e6; border: 0.6pt solid #595959; text-align: left; padding: 2pt 4pt; }
</style></head><body><div class="org">${esc(names.organisation)}</div><h1>РЕГИСТРАЦИОННО-КОНТРОЛЬНАЯ КАРТОЧКА</h1>
<table>${rows.map(([l, v]) => `<tr><td class="l">${esc(l)}</td><td>${esc(v)}</td></tr>`).join('')}</table>
<table><tr><th colspan="3">ИСТОРИЯ</th></tr>${history}</table></body></html>`;
}
