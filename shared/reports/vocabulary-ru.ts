import type { AppealSource } from '../appeals/enums';
import { FORM_NAMES, KIND_NAMES, SOURCE_NAMES, TYPE_NAMES } from '../appeals/vocabulary-ru';
import { RU_MONTHS } from '../calendar/month-names';
import { QUESTION_RESULT_NAMES, TASK_STATE_NAMES } from '../review/vocabulary-ru';
import { STATUS_NAMES } from '../status';
import type { Channel, Dimension, Measure, ReportDeadlineState, ReportUnit } from './definition';

/** Russian names of the report vocabulary: the one source for the screen, PDF, XLSX, CSV and the CLI. */
export const DIMENSION_NAMES: Record<Dimension, string> = {
  topic: 'Тематика (классификатор)',
  topicSection: 'Раздел классификатора',
  territory: 'Территория (район)',
  region: 'Область',
  category: 'Категория заявителя',
  kind: 'Вид обращения',
  type: 'Тип обращения',
  form: 'Форма подачи',
  source: 'Источник поступления',
  channel: 'Способ подачи',
  status: 'Статус',
  result: 'Результат рассмотрения вопроса',
  deadline: 'Соблюдение сроков',
  responsible: 'Ответственный руководитель',
  executor: 'Исполнитель',
  controller: 'Контролёр',
  redirect: 'Перенаправление',
  month: 'Месяц',
  quarter: 'Квартал',
  year: 'Год',
  taskExecutor: 'Исполнитель поручения',
  taskState: 'Состояние поручения',
  taskDeadline: 'Срок исполнения поручения',
};

export const MEASURE_NAMES: Record<Measure, string> = {
  count: 'Количество',
  share: 'Доля, %',
  avgDays: 'Средний срок рассмотрения, дн.',
  overdue: 'С нарушением срока',
};

export const UNIT_NAMES: Record<ReportUnit, string> = {
  appeal: 'обращение',
  question: 'вопрос (обращение с несколькими темами учтено по каждой)',
  task: 'поручение (исполнитель резолюции)',
};

export const DEADLINE_STATE_NAMES: Record<ReportDeadlineState, string> = {
  in_time: 'рассмотрено в срок',
  late: 'рассмотрено с нарушением срока',
  overdue: 'просрочено (не рассмотрено)',
  open: 'на рассмотрении, срок не истёк',
  none: 'срок не установлен',
};

export const TASK_DEADLINE_NAMES: Record<ReportDeadlineState, string> = {
  in_time: 'исполнено в срок',
  late: 'исполнено с нарушением срока',
  overdue: 'просрочено (не исполнено)',
  open: 'на исполнении, срок не истёк',
  none: 'срок не установлен',
};

export const REDIRECT_NAMES: Record<string, string> = {
  in: 'поступило по перенаправлению',
  out: 'перенаправлено полностью',
  out_partial: 'перенаправлено частично (по вопросам)',
  none: 'без перенаправления',
};

export const CHANNEL_NAMES: Record<Channel, string> = {
  electronic: 'в электронном виде',
  written: 'письменно',
  oral: 'устно',
  json: 'JSON (загрузка)',
};

export const SOURCE_CHANNEL: Record<AppealSource, Channel> = {
  portal: 'electronic',
  post: 'written',
  courier: 'written',
  reception: 'oral',
  phone_line: 'oral',
  json: 'json',
};

export const RESULT_NAMES: Record<string, string> = { ...QUESTION_RESULT_NAMES, '': 'не рассмотрен' };

/** Names of the closed vocabularies by dimension (dictionaries and staff are looked up separately). */
export const VALUE_NAMES: Partial<Record<Dimension, Record<string, string>>> = {
  kind: KIND_NAMES,
  type: TYPE_NAMES,
  form: FORM_NAMES,
  source: SOURCE_NAMES,
  channel: CHANNEL_NAMES,
  status: STATUS_NAMES,
  result: RESULT_NAMES,
  deadline: DEADLINE_STATE_NAMES,
  redirect: REDIRECT_NAMES,
  taskState: TASK_STATE_NAMES,
  taskDeadline: TASK_DEADLINE_NAMES,
};

/** «2026-03» → «март 2026», «2026-Q1» → «I квартал 2026», «2026» → «2026». */
export function periodLabel(key: string): string {
  const month = /^(\d{4})-(\d{2})$/.exec(key);
  if (month) return `${RU_MONTHS.nom[Number(month[2]) - 1] ?? month[2]} ${month[1]}`;
  const quarter = /^(\d{4})-Q([1-4])$/.exec(key);
  if (quarter) return `${['I', 'II', 'III', 'IV'][Number(quarter[2]) - 1]} квартал ${quarter[1]}`;
  return key;
}

/** «01.03.2026 — 31.03.2026». */
export function periodText(p: { from: string; to: string }): string {
  const d = (iso: string) => iso.split('-').reverse().join('.');
  return `${d(p.from)} — ${d(p.to)}`;
}
