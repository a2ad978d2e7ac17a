import { z } from 'zod';
import {
  APPEAL_KINDS,
  APPEAL_SOURCES,
  APPEAL_STATUSES,
  APPEAL_TYPES,
  type Role,
  SUBMISSION_FORMS,
} from '../appeals/enums';

/**
 * What a report counts (regulation 4.10: "в разрезе тематик …, территориальных единиц, категорий
 * заявителей, видов и способов подачи, состояния исполнения, соблюдения сроков, исполнения поручений").
 * One definition serves the standard reports, the constructor, the command line and the drill-down.
 *
 * The unit of a report follows its dimensions: an appeal; a question (an appeal × one of its topics)
 * once topic, result or executor is a row or column — an appeal with two topics counts under each, so
 * every row, subtotal and total is a plain sum; a resolution task for the execution of instructions.
 */
export const DIMENSIONS = [
  'topic',
  'topicSection',
  'territory',
  'region',
  'category',
  'kind',
  'type',
  'form',
  'source',
  'channel',
  'status',
  'result',
  'deadline',
  'responsible',
  'executor',
  'controller',
  'redirect',
  'month',
  'quarter',
  'year',
  'taskExecutor',
  'taskState',
  'taskDeadline',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const UNITS = ['appeal', 'question', 'task'] as const;
export type ReportUnit = (typeof UNITS)[number];

/** The unit each dimension needs ('appeal' dimensions fit every unit). */
export const DIMENSION_UNIT: Record<Dimension, ReportUnit> = {
  topic: 'question',
  topicSection: 'question',
  result: 'question',
  executor: 'question',
  taskExecutor: 'task',
  taskState: 'task',
  taskDeadline: 'task',
  territory: 'appeal',
  region: 'appeal',
  category: 'appeal',
  kind: 'appeal',
  type: 'appeal',
  form: 'appeal',
  source: 'appeal',
  channel: 'appeal',
  status: 'appeal',
  deadline: 'appeal',
  responsible: 'appeal',
  controller: 'appeal',
  redirect: 'appeal',
  month: 'appeal',
  quarter: 'appeal',
  year: 'appeal',
};

/** Rows of a leaf dimension are shown under their parent's row (classifier section, region, channel). */
export const DIMENSION_PARENT: Partial<Record<Dimension, Dimension>> = {
  topic: 'topicSection',
  territory: 'region',
  source: 'channel',
};

export const MEASURES = ['count', 'share', 'avgDays', 'overdue'] as const;
export type Measure = (typeof MEASURES)[number];

/** Deadline compliance of an appeal (or a task) as of the moment the report is built. */
export const DEADLINE_STATES = ['in_time', 'late', 'overdue', 'open', 'none'] as const;
export type ReportDeadlineState = (typeof DEADLINE_STATES)[number];
export const REDIRECT_KINDS = ['in', 'out', 'out_partial', 'none'] as const;
/** Source → channel: electronic (portal), written (post, courier), oral (reception, phone line), JSON. */
export const CHANNELS = ['electronic', 'written', 'oral', 'json'] as const;
export type Channel = (typeof CHANNELS)[number];

const code = z.string().min(1).max(64);
const list = <T extends z.ZodType>(item: T) => z.array(item).max(500).default([]);

export const reportFiltersSchema = z.object({
  statuses: list(z.enum(APPEAL_STATUSES)),
  /** Classifier codes; a section code takes its topics. */
  topics: list(code),
  /** Territory codes; a region code takes its districts. */
  territories: list(code),
  responsible: list(code),
  executors: list(code),
  kinds: list(z.enum(APPEAL_KINDS)),
  forms: list(z.enum(SUBMISSION_FORMS)),
  types: list(z.enum(APPEAL_TYPES)),
  sources: list(z.enum(APPEAL_SOURCES)),
  categories: list(code),
  /** Only appeals on control (inside the organisation, or redirected / instructed on control) [4.9]. */
  onControl: z.boolean().default(false),
});
export type ReportFilters = z.infer<typeof reportFiltersSchema>;

export const reportDefinitionSchema = z
  .object({
    rows: z.enum(DIMENSIONS),
    cols: z.enum(DIMENSIONS).nullable().default(null),
    measures: z.array(z.enum(MEASURES)).min(1).max(MEASURES.length).default(['count']),
    filters: reportFiltersSchema.default(reportFiltersSchema.parse({})),
    /** Show leaf rows under their parents (topic under section, district under region, source under channel). */
    hierarchy: z.boolean().default(true),
    /** Add the previous period of the same length and the change. */
    compare: z.boolean().default(false),
  })
  .refine((d) => d.cols !== d.rows, { message: 'Строки и столбцы отчёта должны быть разными', path: ['cols'] })
  .refine((d) => unitOf(d) !== null, {
    message: 'Показатели поручений нельзя сочетать с темами, результатами и исполнителями вопросов',
    path: ['cols'],
  });
export type ReportDefinition = z.infer<typeof reportDefinitionSchema>;
export type ReportDefinitionInput = z.input<typeof reportDefinitionSchema>;

/** Inclusive calendar days in Minsk time; a report counts the appeals registered in them [4.10]. */
export const reportPeriodSchema = z
  .object({ from: z.iso.date(), to: z.iso.date() })
  .refine((p) => p.from <= p.to, { message: 'Начало периода позже его окончания', path: ['to'] });
export type ReportPeriod = z.infer<typeof reportPeriodSchema>;

/** The unit a definition counts, or null when it mixes questions and tasks. */
export function unitOf(d: { rows: Dimension; cols: Dimension | null }): ReportUnit | null {
  const units = new Set([DIMENSION_UNIT[d.rows], ...(d.cols ? [DIMENSION_UNIT[d.cols]] : [])]);
  if (units.has('question') && units.has('task')) return null;
  if (units.has('task')) return 'task';
  return units.has('question') ? 'question' : 'appeal';
}

/** Who builds reports and who views them (regulation 3.3, 4.10: «создатель отчетов»; heads view). */
export const REPORT_AUTHOR_ROLES: readonly Role[] = ['report_author', 'admin'];
export const REPORT_VIEWER_ROLES: readonly Role[] = ['report_author', 'head', 'signer', 'unit_head', 'admin'];
export const canViewReports = (roles: readonly Role[]) => roles.some((r) => REPORT_VIEWER_ROLES.includes(r));
export const canAuthorReports = (roles: readonly Role[]) => roles.some((r) => REPORT_AUTHOR_ROLES.includes(r));

export const savedReportSchema = z.object({
  id: z.string(),
  name: z.string(),
  definition: reportDefinitionSchema,
  ownerId: z.string(),
  ownerName: z.string(),
  shared: z.boolean(),
  updatedAt: z.string(),
  /** The caller may change or delete it (its author, or an administrator). */
  mine: z.boolean(),
});
export type SavedReport = z.infer<typeof savedReportSchema>;
