import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Zippable, zipSync } from 'fflate';
import type { AppealListQueryInput } from '../../../shared/appeals';
import { appealListQuerySchema } from '../../../shared/appeals';
import { minskDateOf, minskDayStart } from '../../../shared/calendar';
import { AppError } from '../../../shared/errors';
import { listAppeals } from '../appeals/list-appeals';
import type { AttachmentStore } from '../attachments/attachment-store';
import { organisationCalendar } from '../calendar/org-calendar';
import type { CallContext } from '../context';
import type { PlanOptions } from './attachments-pages';
import type { BatchManifest, ManifestItem } from './batch-manifest';
import { renderAppealPdf } from './export-appeal-pdf';
import { appendJournal, readJournal, removeJournal, startJournal } from './export-journal';

/** Which appeals a batch takes: given ids, the list's filter, all registered on a day, or all registered. */
export interface BatchSelection {
  ids?: string[];
  filter?: AppealListQueryInput;
  /** A Minsk calendar day, YYYY-MM-DD: the appeals registered that day. */
  registeredOn?: string;
  all?: boolean;
}

export type { BatchManifest, ManifestItem } from './batch-manifest';

export interface BatchOptions extends PlanOptions {
  outDir: string;
  /** Also write `<name>.zip`: the PDF, the original files and card.json (the ВСЭД package). */
  zip?: boolean;
  signal?: AbortSignal;
  onProgress?: (item: ManifestItem, done: number, total: number) => void;
  /** Go on from the folder's progress journal (export-journal.ts): appeals already done are kept, not redone. */
  resume?: boolean;
}

const REGISTERED_ORDER = 'ORDER BY registered_at, reg_number, id';

/** The appeals a selection names, in a stable order (registration time for the whole-database ones). */
export function selectAppeals(ctx: CallContext, selection: BatchSelection): string[] {
  if (selection.ids) return [...new Set(selection.ids)];
  const sqlite = ctx.store.sqlite;
  if (selection.registeredOn) {
    const from = minskDayStart(selection.registeredOn).getTime();
    const rows = sqlite
      .prepare(`SELECT id FROM appeals WHERE registered_at >= ? AND registered_at < ? ${REGISTERED_ORDER}`)
      .all(from, from + 86_400_000) as { id: string }[];
    return rows.map((r) => r.id);
  }
  if (selection.filter) {
    const ids: string[] = [];
    const calendar = organisationCalendar(ctx.store.db);
    for (let offset = 0; ; offset += 500) {
      const q = appealListQuerySchema.parse({ ...selection.filter, offset, limit: 500, withTotal: false });
      const page = listAppeals(sqlite, q, ctx.clock(), calendar).rows;
      ids.push(...page.map((r) => r.id));
      if (page.length < 500) return ids;
    }
  }
  if (selection.all) {
    const rows = sqlite.prepare(`SELECT id FROM appeals WHERE reg_number IS NOT NULL ${REGISTERED_ORDER}`).all();
    return (rows as { id: string }[]).map((r) => r.id);
  }
  throw new AppError('BAD_INPUT', 'Не выбраны обращения для экспорта');
}

/** A file-name part without what Windows, macOS or Linux refuse (and no spaces, for scripts). */
export function sanitizeFileName(part: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const clean = part.replace(/[\u0000-\u001f\u007f\\/:*?"<>|\s]+/g, '_').replace(/^[.]+|[. ]+$/g, '');
  return clean.slice(0, 100) || '_';
}

/**
 * `<number>_<registration date>` (e.g. `ОГ-2026-15_2026-03-10`); an unnumbered card uses the last 12
 * hex digits of its id (the first ones of a time-ordered id repeat between cards of one day).
 */
export function batchFileBase(card: {
  id: string;
  regNumber: string | null;
  registeredAt: string | null;
  receivedAt: string;
}) {
  const number = card.regNumber ?? `без-номера-${card.id.replace(/-/g, '').slice(-12)}`;
  const date = minskDateOf(new Date(card.registeredAt ?? card.receivedAt));
  return `${sanitizeFileName(number)}_${date}`;
}

function uniqueBase(base: string, taken: Set<string>): string {
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}_${n}`;
  taken.add(name.toLowerCase());
  return name;
}

function packageZip(
  files: AttachmentStore,
  pdfName: string,
  pdf: Uint8Array,
  cardJson: string,
  attachments: { sha256: string; name: string }[],
) {
  const entries: Zippable = {
    [pdfName]: [pdf, { level: 0 }],
    'card.json': new TextEncoder().encode(cardJson),
  };
  attachments.forEach((a, i) => {
    if (!files.has(a.sha256)) return;
    const name = `attachments/${String(i + 1).padStart(2, '0')}_${sanitizeFileName(a.name)}`;
    entries[name] = [new Uint8Array(files.read(a.sha256)), { level: 6 }];
  });
  return zipSync(entries);
}

const CSV_COLUMNS = ['number', 'file', 'pages', 'sha256', 'bytes', 'package', 'problems', 'error'] as const;

function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : Array.isArray(value) ? value.join('; ') : String(value);
  return /[",;\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** manifest.json and manifest.csv (UTF-8 with BOM so spreadsheet programs read the Cyrillic). */
export function writeManifest(outDir: string, manifest: BatchManifest): void {
  writeFileSync(join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const lines = [
    CSV_COLUMNS.join(','),
    ...manifest.items.map((item) => CSV_COLUMNS.map((c) => csvCell(item[c])).join(',')),
  ];
  writeFileSync(join(outDir, 'manifest.csv'), `\uFEFF${lines.join('\r\n')}\r\n`);
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

const emptyItem = (id: string): ManifestItem => ({
  id,
  number: null,
  file: null,
  pages: null,
  bytes: null,
  sha256: null,
  package: null,
  problems: [],
  error: null,
});

async function exportOne(
  ctx: CallContext,
  id: string,
  options: BatchOptions,
  taken: Set<string>,
): Promise<ManifestItem> {
  const pdf = await renderAppealPdf(ctx, id, options);
  const base = uniqueBase(batchFileBase(pdf.card), taken);
  const file = `${base}.pdf`;
  writeFileSync(join(options.outDir, file), pdf.bytes);
  let pkg: string | null = null;
  if (options.zip) {
    pkg = `${base}.zip`;
    writeFileSync(join(options.outDir, pkg), packageZip(ctx.files, file, pdf.bytes, pdf.cardJson, pdf.attachments));
  }
  return {
    ...emptyItem(id),
    number: pdf.card.regNumber,
    file,
    pages: pdf.pages,
    bytes: pdf.bytes.length,
    sha256: createHash('sha256').update(pdf.bytes).digest('hex'),
    package: pkg,
    problems: pdf.problems,
  };
}

/**
 * Exports the appeals one by one into `outDir` (`<number>_<date>.pdf`, optionally `.zip` packages)
 * and writes the manifest. An appeal that fails is recorded with its reason and the batch goes on;
 * cancelling stops before the next appeal and still writes the manifest of what was done. One PDF
 * is held in memory at a time, so memory stays flat for any batch size. Each finished appeal is
 * appended to the progress journal at once, so a batch cut off by a crash can be resumed
 * (`resume: true` / `resumeBatch`): what is on disk with its checksum is kept, the rest is exported.
 */
export async function exportBatch(ctx: CallContext, ids: string[], options: BatchOptions): Promise<BatchManifest> {
  mkdirSync(options.outDir, { recursive: true });
  const previous = options.resume ? readJournal(options.outDir) : null;
  const createdAt = previous?.header.createdAt ?? ctx.clock().toISOString();
  if (!previous) startJournal(options.outDir, { createdAt, ids, zip: options.zip === true });
  const manifest: BatchManifest = {
    schema: 'arm-appeals/export-manifest@1',
    createdAt,
    folder: options.outDir,
    total: ids.length,
    exported: 0,
    failed: 0,
    cancelled: false,
    items: [],
  };
  const taken = new Set<string>(['manifest']);
  for (const item of previous?.done.values() ?? []) taken.add((item.file ?? '').replace(/\.pdf$/, '').toLowerCase());
  for (const id of ids) {
    if (options.signal?.aborted) {
      manifest.cancelled = true;
      break;
    }
    let item = previous?.done.get(id);
    if (item) manifest.exported++;
    else {
      try {
        item = await exportOne(ctx, id, options, taken);
        manifest.exported++;
      } catch (err) {
        item = { ...emptyItem(id), error: errorText(err) };
        manifest.failed++;
      }
      appendJournal(options.outDir, item);
      // Let the host answer status and cancel requests between appeals.
      await new Promise((resolve) => setImmediate(resolve));
    }
    manifest.items.push(item);
    options.onProgress?.(item, manifest.items.length, ids.length);
  }
  writeManifest(options.outDir, manifest);
  // A cancelled batch keeps its journal: it can be resumed like an interrupted one.
  if (!manifest.cancelled) removeJournal(options.outDir);
  return manifest;
}

/** Goes on with the interrupted (or cancelled) batch of `outDir`: the same appeals, the same options. */
export async function resumeBatch(
  ctx: CallContext,
  options: Omit<BatchOptions, 'resume' | 'zip'>,
): Promise<BatchManifest> {
  const state = readJournal(options.outDir);
  if (!state) throw new AppError('NOT_FOUND', 'В папке нет незавершённого пакетного экспорта');
  return exportBatch(ctx, state.header.ids, { ...options, zip: state.header.zip, resume: true });
}
