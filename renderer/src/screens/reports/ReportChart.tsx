import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Legend,
  Line,
  LineChart,
  Pie,
  PieChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { ReportResult } from '../../../../shared/reports';
import { chartKind } from './report-model';

const COLORS = ['#1d5fae', '#d9822b', '#1e7b3a', '#b3261e', '#6b4fbb', '#0f8b8d', '#a15c00', '#5f6b7a'];
const short = (s: string) => (s.length > 28 ? `${s.slice(0, 27)}…` : s);

/** Bars by category (stacked by the column dimension), a line over months or quarters, a pie of a few shares. */
export function ReportChart({ result }: { result: ReportResult }) {
  const kind = chartKind(result);
  const rows = result.rows.filter((r) => r.level === 0).slice(0, 40);
  const series =
    result.columns.length > 0 ? result.columns.slice(0, COLORS.length) : [{ key: 'total', label: 'Количество' }];
  const data = rows.map((r) => ({
    name: short(r.label),
    ...Object.fromEntries(
      series.map((s, i) => [s.key, result.columns.length > 0 ? (r.cells[i]?.count ?? 0) : r.total.count]),
    ),
  }));
  return (
    <div className="report-chart" data-testid="report-chart" data-kind={kind}>
      <ResponsiveContainer width="100%" height={260}>
        {kind === 'pie' ? (
          <PieChart>
            <Pie data={data} dataKey="total" nameKey="name" outerRadius={95} isAnimationActive={false} label>
              {data.map((d, i) => (
                <Cell key={d.name} fill={COLORS[i % COLORS.length]} />
              ))}
            </Pie>
            <Tooltip />
            <Legend />
          </PieChart>
        ) : kind === 'line' ? (
          <LineChart data={data}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="name" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Legend />
            {series.map((s, i) => (
              <Line
                key={s.key}
                dataKey={s.key}
                name={s.label}
                stroke={COLORS[i % COLORS.length]}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        ) : (
          <BarChart data={data}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="name" interval={0} angle={-25} textAnchor="end" height={80} tick={{ fontSize: 11 }} />
            <YAxis allowDecimals={false} />
            <Tooltip />
            {series.length > 1 && <Legend />}
            {series.map((s, i) => (
              <Bar
                key={s.key}
                dataKey={s.key}
                name={s.label}
                stackId="a"
                fill={COLORS[i % COLORS.length]}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        )}
      </ResponsiveContainer>
    </div>
  );
}
