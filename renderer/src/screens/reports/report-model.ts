import { addDays, type LocalDate } from '../../../../shared/calendar/local-date';
import {
  type Dimension,
  type ReportDefinition,
  type ReportPeriod,
  type ReportResult,
  reportDefinitionSchema,
} from '../../../../shared/reports';

export type PresetName = 'month' | 'quarter' | 'year' | 'thisYear';
const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number): LocalDate => `${y}-${pad(m)}-${pad(d)}`;
/** Last day of month `m` (1–12) of year `y`. */
const monthEnd = (y: number, m: number): LocalDate => (m === 12 ? iso(y, 12, 31) : addDays(iso(y, m + 1, 1), -1));

/** The reporting periods heads ask for every month and quarter, relative to today (Minsk date). */
export function presetPeriod(name: PresetName, today: LocalDate): ReportPeriod {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  switch (name) {
    case 'month': {
      const [py, pm] = m === 1 ? [y - 1, 12] : [y, m - 1];
      return { from: iso(py, pm, 1), to: monthEnd(py, pm) };
    }
    case 'quarter': {
      const q = Math.ceil(m / 3) - 1;
      const [qy, qq] = q === 0 ? [y - 1, 4] : [y, q];
      return { from: iso(qy, qq * 3 - 2, 1), to: monthEnd(qy, qq * 3) };
    }
    case 'year':
      return { from: iso(y - 1, 1, 1), to: iso(y - 1, 12, 31) };
    case 'thisYear':
      return { from: iso(y, 1, 1), to: today };
  }
}

export const emptyDefinition = (rows: Dimension = 'topic'): ReportDefinition =>
  reportDefinitionSchema.parse({ rows, measures: ['count', 'share'] });

const TIME: readonly Dimension[] = ['month', 'quarter', 'year'];
export type ChartKind = 'bar' | 'line' | 'pie';

/** Line over time, pie for a few shares of one whole, bars otherwise. */
export function chartKind(result: ReportResult): ChartKind {
  const d = result.definition;
  if (TIME.includes(d.rows)) return 'line';
  const flat = result.rows.filter((r) => r.level === 0);
  if (!d.cols && flat.length <= 6 && result.unit === 'appeal') return 'pie';
  return 'bar';
}
