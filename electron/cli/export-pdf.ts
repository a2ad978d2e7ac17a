import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { eq } from 'drizzle-orm';
import { appeals } from '../../db/schema';
import {
  type BatchManifest,
  exportBatch,
  type ManifestItem,
  resumeBatch,
  selectAppeals,
} from '../services/pdf/batch-export';
import { renderAppealPdf } from '../services/pdf/export-appeal-pdf';
import { readJournal } from '../services/pdf/export-journal';
import { cliContext, commandLineUser } from './cli-context';
import { openDataFolder } from './data-folder';
import { CliError, runCli } from './run-cli';

const USAGE =
  'использование: npm run --silent export-pdf -- --data <папка> ((--number <рег. номер> | --id <id> | --all | --registered-on <ГГГГ-ММ-ДД>) --out <файл.pdf | папка> [--zip] | --resume <папка прерванного экспорта>)';

const text = (value: string | boolean | undefined) =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null;

const onProgress = (item: ManifestItem, done: number, total: number) => {
  const what = item.error ? `ошибка: ${item.error}` : item.file;
  process.stderr.write(`[${done}/${total}] ${item.number ?? item.id}: ${what}\n`);
};

const summary = (folder: string, manifest: BatchManifest) => ({
  folder,
  total: manifest.total,
  exported: manifest.exported,
  failed: manifest.failed,
  manifest: join(folder, 'manifest.json'),
});

/** `--resume`: goes on with a batch cut off by a crash (its progress journal); done appeals are kept. */
async function resumeFolder(dataDir: string, folder: string) {
  if (!readJournal(folder)) throw new CliError(`в папке ${folder} нет незавершённого пакетного экспорта`);
  const { store, files } = openDataFolder(dataDir);
  try {
    return summary(
      folder,
      await resumeBatch(cliContext({ store, files }, dataDir, commandLineUser(['head'])), {
        outDir: folder,
        onProgress,
      }),
    );
  } finally {
    store.close();
  }
}

/**
 * PDFs for ВСЭД from the command line, exported as the system (no session needed). One appeal into a
 * `.pdf` file, or a batch (`--all`, `--registered-on`, or one appeal with `--out` a folder) into a
 * folder with `<number>_<date>.pdf` files and manifest.json/manifest.csv; progress on stderr.
 * `--resume <folder>` finishes a batch that a crash cut off.
 */
await runCli(
  {
    data: { type: 'string' },
    id: { type: 'string' },
    number: { type: 'string' },
    all: { type: 'boolean' },
    'registered-on': { type: 'string' },
    out: { type: 'string' },
    zip: { type: 'boolean' },
    resume: { type: 'string' },
  },
  async ({ values }) => {
    const data = text(values.data);
    const out = text(values.out);
    const id = text(values.id);
    const number = text(values.number);
    const day = text(values['registered-on']);
    if (!data) throw new CliError(`не указана папка данных --data; ${USAGE}`);
    const resumeDir = text(values.resume);
    if (resumeDir !== null) return resumeFolder(resolve(data), resolve(resumeDir));
    if (!out) throw new CliError(`не указан файл или папка --out; ${USAGE}`);
    const chosen = [id, number, day].filter((v) => v !== null).length + (values.all === true ? 1 : 0);
    if (chosen !== 1) throw new CliError(`укажите ровно одно из --id, --number, --all, --registered-on; ${USAGE}`);
    if (day !== null && !/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new CliError('дата --registered-on: ГГГГ-ММ-ДД');
    const dataDir = resolve(data);
    const { store, files } = openDataFolder(dataDir);
    try {
      const ctx = cliContext({ store, files }, dataDir, commandLineUser(['head']));
      let ids: string[];
      if (id !== null || number !== null) {
        const appealId =
          id ??
          store.db
            .select({ id: appeals.id })
            .from(appeals)
            .where(eq(appeals.regNumber, number ?? ''))
            .get()?.id;
        if (!appealId) throw new CliError(`обращение с номером «${number}» не найдено`);
        if (out.toLowerCase().endsWith('.pdf')) {
          const pdf = await renderAppealPdf(ctx, appealId);
          const file = resolve(out);
          mkdirSync(dirname(file), { recursive: true });
          writeFileSync(file, pdf.bytes);
          return {
            file,
            pages: pdf.pages,
            bytes: pdf.bytes.length,
            sha256: createHash('sha256').update(pdf.bytes).digest('hex'),
            problems: pdf.problems,
          };
        }
        ids = [appealId];
      } else ids = selectAppeals(ctx, day !== null ? { registeredOn: day } : { all: true });
      const folder = resolve(out);
      return summary(folder, await exportBatch(ctx, ids, { outDir: folder, zip: values.zip === true, onProgress }));
    } finally {
      store.close();
    }
  },
);
