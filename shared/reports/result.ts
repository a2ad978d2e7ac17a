import { z } from 'zod';
import { reportDefinitionSchema, reportPeriodSchema, UNITS } from './definition';

/**
 * One cell's additive figures: everything a measure is computed from, so subtotals and totals are sums
 * (shared/reports/table.ts turns them into count, share, average term and overdue columns).
 */
export const reportCellSchema = z.object({
  count: z.number(),
  /** Deadline broken: closed after it, or still open past it. */
  overdue: z.number(),
  /** Closed ones (final status) and their review days summed (registration → final status). */
  closed: z.number(),
  closedDays: z.number(),
});
export type ReportCell = z.infer<typeof reportCellSchema>;

export const reportRowSchema = z.object({
  key: z.string(),
  label: z.string(),
  /** 0 = a parent (section, region, channel) or a flat row; 1 = a leaf under the parent before it. */
  level: z.union([z.literal(0), z.literal(1)]),
  parent: z.boolean(),
  cells: z.array(reportCellSchema),
  total: reportCellSchema,
  /** The same row in the previous period (count), when compared. */
  previous: z.number().nullable(),
});
export type ReportRow = z.infer<typeof reportRowSchema>;

export const reportResultSchema = z.object({
  title: z.string(),
  organisation: z.string(),
  builtBy: z.string(),
  /** Minsk ISO time of building. */
  builtAt: z.string(),
  period: reportPeriodSchema,
  previousPeriod: reportPeriodSchema.nullable(),
  definition: reportDefinitionSchema,
  unit: z.enum(UNITS),
  /** Values of the column dimension (empty without one). */
  columns: z.array(z.object({ key: z.string(), label: z.string() })),
  rows: z.array(reportRowSchema),
  total: z.object({ cells: z.array(reportCellSchema), total: reportCellSchema, previous: z.number().nullable() }),
  /** Distinct appeals behind the figures (a question report counts some appeals more than once). */
  appeals: z.number(),
});
export type ReportResult = z.infer<typeof reportResultSchema>;

export const EMPTY_CELL: ReportCell = { count: 0, overdue: 0, closed: 0, closedDays: 0 };

export function addCell(into: ReportCell, add: ReportCell): ReportCell {
  into.count += add.count;
  into.overdue += add.overdue;
  into.closed += add.closed;
  into.closedDays += add.closedDays;
  return into;
}
