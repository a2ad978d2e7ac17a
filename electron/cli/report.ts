import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  DIMENSIONS,
  type Dimension,
  MEASURES,
  type Measure,
  reportDefinitionSchema,
  reportPeriodSchema,
  STANDARD_REPORTS,
  standardReport,
} from '../../shared/reports';
import { REPORT_FORMATS, type ReportFormat, renderReport } from '../services/reports/outputs';
import { buildReport } from '../services/reports/report-service';
import { cliContext, commandLineUser } from './cli-context';
import { openDataFolder } from './data-folder';
import { CliError, runCli } from './run-cli';

const USAGE =
  'использование: npm run --silent report -- --data <папка> (--rows <разрез> [--cols <разрез>] | --standard <отчёт>) ' +
  '--from ГГГГ-ММ-ДД --to ГГГГ-ММ-ДД [--measures count,share,avgDays,overdue] [--compare] ' +
  '[--format json|xlsx|pdf|csv] [--out <файл>]';

const text = (value: string | boolean | undefined) =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null;

function oneOf<T extends string>(value: string, allowed: readonly T[], option: string): T {
  if (!(allowed as readonly string[]).includes(value))
    throw new CliError(`неверное значение --${option} «${value}»: допустимо ${allowed.join(', ')}; ${USAGE}`);
  return value as T;
}

/**
 * A report from the command line (the same engine as the screen), built as the system: JSON on stdout
 * (or the file with --out: then one JSON line naming it), Russian errors on stderr.
 */
await runCli(
  {
    data: { type: 'string' },
    rows: { type: 'string' },
    cols: { type: 'string' },
    standard: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    measures: { type: 'string' },
    compare: { type: 'boolean' },
    format: { type: 'string' },
    out: { type: 'string' },
    title: { type: 'string' },
  },
  async ({ values }) => {
    const data = text(values.data);
    if (!data) throw new CliError(`не указана папка данных --data; ${USAGE}`);
    const format = oneOf(text(values.format) ?? 'json', REPORT_FORMATS, 'format') as ReportFormat;
    const out = text(values.out);
    if (format !== 'json' && !out) throw new CliError(`для формата ${format} укажите файл --out; ${USAGE}`);
    const period = reportPeriodSchema.safeParse({ from: text(values.from), to: text(values.to) });
    if (!period.success)
      throw new CliError(`укажите период --from и --to датами ГГГГ-ММ-ДД (начало не позже конца); ${USAGE}`);
    const standardId = text(values.standard);
    const standard = standardId ? standardReport(standardId) : null;
    if (standardId && !standard)
      throw new CliError(`нет стандартного отчёта «${standardId}»: ${STANDARD_REPORTS.map((r) => r.id).join(', ')}`);
    const rows = text(values.rows);
    const cols = text(values.cols);
    if (!standard && !rows) throw new CliError(`укажите --rows или --standard; ${USAGE}`);
    const measures = text(values.measures)
      ?.split(',')
      .map((m) => oneOf(m.trim(), MEASURES, 'measures') as Measure);
    const parsed = reportDefinitionSchema.safeParse({
      ...(standard?.definition ?? {}),
      ...(rows ? { rows: oneOf(rows, DIMENSIONS, 'rows') as Dimension } : {}),
      ...(cols ? { cols: oneOf(cols, DIMENSIONS, 'cols') as Dimension } : {}),
      ...(measures ? { measures } : {}),
      ...(values.compare ? { compare: true } : {}),
    });
    if (!parsed.success) throw new CliError(parsed.error.issues.map((i) => i.message).join('; '));
    const dataDir = resolve(data);
    const { store, files } = openDataFolder(dataDir);
    try {
      const result = buildReport(cliContext({ store, files }, dataDir, commandLineUser(['report_author'])), {
        definition: parsed.data,
        period: period.data,
        title: text(values.title) ?? standard?.title,
      });
      if (!out) return result;
      const file = await renderReport(result, format);
      writeFileSync(resolve(out), file.bytes);
      return {
        file: resolve(out),
        format,
        bytes: file.bytes.length,
        rows: result.rows.length,
        total: result.total.total.count,
      };
    } finally {
      store.close();
    }
  },
);
