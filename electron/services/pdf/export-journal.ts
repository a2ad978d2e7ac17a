import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ManifestItem } from './batch-manifest';

/**
 * The batch export's progress journal, `manifest.progress.jsonl` in the export folder: a header line
 * (the selection, so a resume exports the same appeals) and one line per finished appeal, appended as
 * soon as its files are written. A batch that finished every appeal replaces it by manifest.json; a
 * journal left behind means the batch was interrupted (crash, power loss, closed app) or cancelled,
 * and `resumeBatch` goes on from it.
 */
export const JOURNAL_FILE = 'manifest.progress.jsonl';
const JOURNAL_SCHEMA = 'arm-appeals/export-progress@1';

export interface JournalHeader {
  schema: typeof JOURNAL_SCHEMA;
  createdAt: string;
  ids: string[];
  zip: boolean;
}

export interface JournalState {
  header: JournalHeader;
  /** Appeals whose files are in the folder and match the journal (sha256 of the PDF), by id. */
  done: Map<string, ManifestItem>;
}

export function startJournal(outDir: string, header: Omit<JournalHeader, 'schema'>): void {
  writeFileSync(join(outDir, JOURNAL_FILE), `${JSON.stringify({ schema: JOURNAL_SCHEMA, ...header })}\n`);
}

export function appendJournal(outDir: string, item: ManifestItem): void {
  appendFileSync(join(outDir, JOURNAL_FILE), `${JSON.stringify(item)}\n`);
}

export function removeJournal(outDir: string): void {
  rmSync(join(outDir, JOURNAL_FILE), { force: true });
}

function parseLines(text: string): unknown[] {
  const out: unknown[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      out.push(JSON.parse(line));
    } catch {
      // The line being written when the process died: that appeal is exported again.
    }
  }
  return out;
}

const sha256Of = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/**
 * The journal of `outDir`, or null when there is none. Only appeals whose PDF (and package, if
 * asked for) is on disk with the recorded checksum count as done; failed ones are tried again.
 */
export function readJournal(outDir: string): JournalState | null {
  const path = join(outDir, JOURNAL_FILE);
  if (!existsSync(path)) return null;
  const [header, ...items] = parseLines(readFileSync(path, 'utf8')) as [JournalHeader, ...ManifestItem[]];
  if (header?.schema !== JOURNAL_SCHEMA || !Array.isArray(header.ids)) return null;
  const done = new Map<string, ManifestItem>();
  for (const item of items) {
    if (!item.file || item.error || !item.sha256) continue;
    const pdf = join(outDir, item.file);
    if (!existsSync(pdf) || sha256Of(pdf) !== item.sha256) continue;
    if (item.package && !existsSync(join(outDir, item.package))) continue;
    done.set(item.id, item);
  }
  return { header, done };
}

/** An export folder whose batch did not finish: what the app reports after a restart. */
export interface InterruptedExport {
  outDir: string;
  createdAt: string;
  total: number;
  done: number;
  /** manifest.json exists: the batch was cancelled (it was written then), not cut off. */
  cancelled: boolean;
}

/** Export folders under `root` (e.g. `<data>/exports`) with a journal left behind, newest first. */
export function findInterruptedExports(root: string): InterruptedExport[] {
  if (!existsSync(root)) return [];
  const found: InterruptedExport[] = [];
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const outDir = join(root, entry.name);
    const state = readJournal(outDir);
    if (!state) continue;
    found.push({
      outDir,
      createdAt: state.header.createdAt,
      total: state.header.ids.length,
      done: state.done.size,
      cancelled: existsSync(join(outDir, 'manifest.json')),
    });
  }
  return found.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}
