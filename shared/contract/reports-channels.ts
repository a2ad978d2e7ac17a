import { z } from 'zod';
import { appealRowSchema } from '../appeals/schema';
import { reportDefinitionSchema, reportPeriodSchema, reportResultSchema, savedReportSchema } from '../reports';

const runInput = z.object({
  definition: reportDefinitionSchema,
  period: reportPeriodSchema,
  title: z.string().trim().max(200).optional(),
});
const drillCell = z.object({
  row: z.object({ key: z.string().max(64), parent: z.boolean() }).nullable(),
  col: z.string().max(64).nullable(),
});

/** Reports and the report constructor (regulation 4.10–4.11, docs/reports.md). */
export const reportsChannels = {
  /** Build a report (standard or constructed) for a period: report authors and heads. */
  'reports:run': { public: false, input: runInput, output: reportResultSchema },
  /** The appeals behind one number of a report (a row, a column, a cell or the total). */
  'reports:drill': {
    public: false,
    input: runInput.extend({
      cell: drillCell,
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.object({ total: z.number(), rows: z.array(appealRowSchema) }),
  },
  /** The printable PDF, the XLSX or the CSV of a report. */
  'reports:export': {
    public: false,
    input: runInput.extend({ format: z.enum(['pdf', 'xlsx', 'csv']) }),
    output: z.object({ fileName: z.string(), mime: z.string(), dataBase64: z.string() }),
  },
  /** Saved report settings the caller may use: their own and those shared within the organisation. */
  'reports:saved': { public: false, input: z.object({}), output: z.object({ reports: z.array(savedReportSchema) }) },
  /** Save (create or overwrite one's own) report settings: report authors. */
  'reports:save': {
    public: false,
    input: z.object({
      id: z.string().max(64).nullable(),
      name: z.string().trim().min(1).max(200),
      definition: reportDefinitionSchema,
      shared: z.boolean().default(false),
    }),
    output: z.object({ id: z.string() }),
  },
  'reports:delete': { public: false, input: z.object({ id: z.string().max(64) }), output: z.object({}) },
} as const;
