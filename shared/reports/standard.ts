import { type ReportDefinition, type ReportDefinitionInput, reportDefinitionSchema } from './definition';

/** The reports regulation 4.10 names, each a ready definition of the one engine (docs/reports.md). */
const STANDARD: readonly { id: string; title: string; definition: ReportDefinitionInput }[] = [
  {
    id: 'topics',
    title: 'Обращения по тематике (классификатор)',
    definition: { rows: 'topic', measures: ['count', 'share'] },
  },
  {
    id: 'territories',
    title: 'Обращения по территориям',
    definition: { rows: 'territory', measures: ['count', 'share'] },
  },
  {
    id: 'categories',
    title: 'Обращения по категориям заявителей',
    definition: { rows: 'category', measures: ['count', 'share'] },
  },
  { id: 'kinds', title: 'Обращения по видам', definition: { rows: 'kind', measures: ['count', 'share'] } },
  { id: 'types', title: 'Обращения по типам', definition: { rows: 'type', measures: ['count', 'share'] } },
  { id: 'forms', title: 'Обращения по формам подачи', definition: { rows: 'form', measures: ['count', 'share'] } },
  {
    id: 'sources',
    title: 'Обращения по источникам поступления',
    definition: { rows: 'source', measures: ['count', 'share'] },
  },
  { id: 'statuses', title: 'Обращения по статусам', definition: { rows: 'status', measures: ['count', 'share'] } },
  {
    id: 'results',
    title: 'Результаты рассмотрения вопросов',
    definition: { rows: 'result', measures: ['count', 'share'] },
  },
  {
    id: 'deadlines',
    title: 'Соблюдение сроков рассмотрения',
    definition: { rows: 'deadline', measures: ['count', 'share', 'avgDays'] },
  },
  {
    id: 'deadlinesByResponsible',
    title: 'Соблюдение сроков по ответственным руководителям',
    definition: { rows: 'responsible', cols: 'deadline', measures: ['count'] },
  },
  {
    id: 'deadlinesByExecutor',
    title: 'Соблюдение сроков по исполнителям',
    definition: { rows: 'executor', cols: 'deadline', measures: ['count'] },
  },
  {
    id: 'instructions',
    title: 'Исполнение поручений (резолюций)',
    definition: { rows: 'taskExecutor', cols: 'taskDeadline', measures: ['count'] },
  },
  {
    id: 'control',
    title: 'Обращения на контроле',
    definition: { rows: 'controller', cols: 'deadline', measures: ['count'], filters: { onControl: true } },
  },
  {
    id: 'redirects',
    title: 'Перенаправление обращений',
    definition: { rows: 'redirect', measures: ['count', 'share'] },
  },
  {
    id: 'comparison',
    title: 'Сравнение с предыдущим периодом',
    definition: { rows: 'kind', measures: ['count', 'overdue', 'avgDays'], compare: true },
  },
];

export interface StandardReport {
  id: string;
  title: string;
  definition: ReportDefinition;
}

export const STANDARD_REPORTS: readonly StandardReport[] = STANDARD.map((r) => ({
  ...r,
  definition: reportDefinitionSchema.parse(r.definition),
}));

export const standardReport = (id: string): StandardReport | undefined => STANDARD_REPORTS.find((r) => r.id === id);
