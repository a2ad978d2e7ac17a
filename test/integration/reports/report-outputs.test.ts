import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handlers } from '../../../electron/services/handlers';
import { type ReportResult, reportDefinitionSchema } from '../../../shared/reports';
import { makeReportWorld } from './report-fixture';

let world: Awaited<ReturnType<typeof makeReportWorld>>;
const tmp = mkdtempSync(join(tmpdir(), 'arm-report-out-'));
beforeAll(async () => {
  world = await makeReportWorld(300);
}, 120_000);
afterAll(() => {
  world.cleanup();
  rmSync(tmp, { recursive: true, force: true });
});

const PERIOD = { from: '2025-11-21', to: '2026-11-20' };
const TOPICS = reportDefinitionSchema.parse({ rows: 'topic', cols: 'form', measures: ['count', 'share'] });

async function exported(format: 'pdf' | 'xlsx' | 'csv', definition = TOPICS) {
  const out = (await handlers['reports:export'](world.reportAuthor, {
    definition,
    period: PERIOD,
    title: 'Вопросы по тематике и формам',
    format,
  })) as { fileName: string; dataBase64: string };
  const file = join(tmp, out.fileName);
  writeFileSync(file, Buffer.from(out.dataBase64, 'base64'));
  return file;
}
const report = () =>
  handlers['reports:run'](world.reportAuthor, { definition: TOPICS, period: PERIOD }) as ReportResult;

describe('report outputs', () => {
  it('XLSX: numbers as numbers, subtotals and the total as SUM formulas with their values', async () => {
    const file = await exported('xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.getWorksheet('Отчёт');
    if (!sheet) throw new Error('no sheet');
    expect(String(sheet.getCell('A1').value)).toBe('Администрация Октябрьского района г. Минска');
    expect(String(sheet.getCell('A3').value)).toContain('21.11.2025 — 20.11.2026');
    const r = report();
    // Header row after the five heading lines and a blank one.
    const header = sheet.getRow(7);
    expect(header.getCell(2).value).toBe('Тематика (классификатор)');
    const leaf = r.rows.findIndex((row) => !row.parent);
    const leafRow = sheet.getRow(8 + leaf);
    expect(leafRow.getCell(1).value).toBe(r.rows[leaf]?.key);
    expect(typeof leafRow.getCell(3).value).toBe('number');
    expect(leafRow.getCell(3).value).toBe(r.rows[leaf]?.cells[0]?.count);
    const parentRow = sheet.getRow(8);
    expect(r.rows[0]?.parent).toBe(true);
    const parentCell = parentRow.getCell(3).value as { formula: string; result: number };
    expect(parentCell.formula).toMatch(/^SUM\(C9:C\d+\)$/);
    expect(parentCell.result).toBe(r.rows[0]?.cells[0]?.count);
    const total = sheet.getRow(8 + r.rows.length);
    expect(total.getCell(2).value).toBe('Итого');
    const lastColumn = 2 + r.columns.length * 2 + 1;
    const totalCell = total.getCell(lastColumn).value as { formula: string; result: number };
    // The total adds up the sections (each the SUM of its topics).
    expect(totalCell.formula).toMatch(new RegExp(`^${String.fromCharCode(64 + lastColumn)}8\\+`));
    expect(totalCell.result).toBe(r.total.total.count);
  });

  it('PDF: organisation, period, date and author, rows and the total as text (Cyrillic font embedded)', async () => {
    const file = await exported('pdf');
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Администрация Октябрьского района г. Минска');
    expect(text).toContain('Вопросы по тематике и формам');
    expect(text).toContain('21.11.2025 — 20.11.2026');
    expect(text).toContain('Сформирован: 20.11.2026 12:00, Соколова Марина Игоревна');
    expect(text).toContain('01 Жилищно-коммунальное хозяйство');
    expect(text).toContain('Итого');
    expect(text).toContain(String(report().total.total.count));
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    expect(fonts).toMatch(/DejaVuSans.*yes/);
  });

  it('CSV: BOM, semicolons, the same numbers', async () => {
    const csv = readFileSync(await exported('csv'), 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.trim().split('\r\n');
    const r = report();
    expect(lines).toHaveLength(r.rows.length + 2);
    expect(lines.at(-1)?.split(';')[1]).toBe('Итого');
    expect(Number(lines.at(-1)?.split(';').at(-2))).toBe(r.total.total.count);
  });
});

describe('saved reports: save, share, re-run, permissions', () => {
  it('an author saves and shares; a head sees the shared one and re-runs it for a new period', () => {
    const author = world.reportAuthor;
    const saved = handlers['reports:save'](author, {
      id: null,
      name: 'Жалобы по районам',
      definition: TOPICS,
      shared: false,
    }) as {
      id: string;
    };
    const head = world.as('head', ['head']);
    expect((handlers['reports:saved'](head, {}) as { reports: unknown[] }).reports).toHaveLength(0);
    handlers['reports:save'](author, { id: saved.id, name: 'Жалобы по районам', definition: TOPICS, shared: true });
    const seen = handlers['reports:saved'](head, {}) as {
      reports: { id: string; mine: boolean; definition: typeof TOPICS }[];
    };
    expect(seen.reports.map((r) => [r.id, r.mine])).toEqual([[saved.id, false]]);
    const march = handlers['reports:run'](head, {
      definition: seen.reports[0]?.definition ?? TOPICS,
      period: { from: '2026-03-01', to: '2026-03-31' },
    }) as ReportResult;
    expect(march.period.from).toBe('2026-03-01');
    expect(() => handlers['reports:delete'](head, { id: saved.id })).toThrow(/создатель отчётов/);
    const other = world.as('admin2', ['report_author']);
    expect(() => handlers['reports:delete'](other, { id: saved.id })).toThrow(/только его автор/);
    handlers['reports:delete'](author, { id: saved.id });
    expect((handlers['reports:saved'](author, {}) as { reports: unknown[] }).reports).toHaveLength(0);
  });

  it('a clerk or an executor may not build reports', () => {
    for (const role of ['clerk', 'executor'] as const) {
      expect(() => handlers['reports:run'](world.as(role, [role]), { definition: TOPICS, period: PERIOD })).toThrow(
        /руководителям/,
      );
    }
  });
});

describe('npm run report', () => {
  const root = fileURLToPath(new URL('../../..', import.meta.url));
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/report.ts', ...args], {
      cwd: root,
      encoding: 'utf8',
    });

  it('JSON on stdout; a file with --out; the same figures as the service', () => {
    const json = cli(
      '--data',
      world.dataDir,
      '--rows',
      'topic',
      '--cols',
      'month',
      '--from',
      PERIOD.from,
      '--to',
      PERIOD.to,
    );
    expect(json.status).toBe(0);
    const result = JSON.parse(json.stdout) as ReportResult;
    expect(result.unit).toBe('question');
    expect(result.total.total.count).toBe(
      (
        handlers['reports:run'](world.reportAuthor, {
          definition: reportDefinitionSchema.parse({ rows: 'topic', cols: 'month' }),
          period: PERIOD,
        }) as ReportResult
      ).total.total.count,
    );
    const out = join(tmp, 'cli.xlsx');
    const file = cli(
      '--data',
      world.dataDir,
      '--standard',
      'deadlines',
      '--from',
      PERIOD.from,
      '--to',
      PERIOD.to,
      '--format',
      'xlsx',
      '--out',
      out,
    );
    expect(file.status).toBe(0);
    expect(JSON.parse(file.stdout)).toMatchObject({ file: out, format: 'xlsx' });
  });

  it('Russian errors and exit 1 on bad arguments', () => {
    const bad = cli('--data', world.dataDir, '--rows', 'planet', '--from', PERIOD.from, '--to', PERIOD.to);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('неверное значение --rows «planet»');
    const noOut = cli(
      '--data',
      world.dataDir,
      '--rows',
      'kind',
      '--from',
      PERIOD.from,
      '--to',
      PERIOD.to,
      '--format',
      'pdf',
    );
    expect(noOut.status).toBe(1);
    expect(noOut.stderr).toContain('укажите файл --out');
  });
});
