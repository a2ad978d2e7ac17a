import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { eq } from 'drizzle-orm';
import { appeals } from '../../db/schema';
import { exportBatch, selectAppeals } from '../services/pdf/batch-export';
import { renderAppealPdf } from '../services/pdf/export-appeal-pdf';
import { cliContext } from './cli-context';
import { openDataFolder } from './data-folder';
import { CliError, runCli } from './run-cli';

const USAGE =
  'использование: npm run --silent export-pdf -- --data <папка> (--number <рег. номер> | --id <id> | --all | --registered-on <ГГГГ-ММ-ДД>) --out <файл.pdf | папка> [--zip]';

const text = (value: string | boolean | undefined) =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null;

/**
 * PDFs for ВСЭД from the command line, exported as the system (no session needed). One appeal into a
 * `.pdf` file, or a batch (`--all`, `--registered-on`, or one appeal with `--out` a folder) into a
 * folder with `<number>_<date>.pdf` files and manifest.json/manifest.csv; progress on stderr.
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
  },
  async ({ values }) => {
    const data = text(values.data);
    const out = text(values.out);
    const id = text(values.id);
    const number = text(values.number);
    const day = text(values['registered-on']);
    if (!data) throw new CliError(`не указана папка данных --data; ${USAGE}`);
    if (!out) throw new CliError(`не указан файл или папка --out; ${USAGE}`);
    const chosen = [id, number, day].filter((v) => v !== null).length + (values.all === true ? 1 : 0);
    if (chosen !== 1) throw new CliError(`укажите ровно одно из --id, --number, --all, --registered-on; ${USAGE}`);
    if (day !== null && !/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new CliError('дата --registered-on: ГГГГ-ММ-ДД');
    const dataDir = resolve(data);
    const { store, files } = openDataFolder(dataDir);
    try {
      const ctx = cliContext(store, dataDir, ['head'], files);
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
      const manifest = await exportBatch(ctx, ids, {
        outDir: folder,
        zip: values.zip === true,
        onProgress: (item, done, total) => {
          const what = item.error ? `ошибка: ${item.error}` : item.file;
          process.stderr.write(`[${done}/${total}] ${item.number ?? item.id}: ${what}\n`);
        },
      });
      return {
        folder,
        total: manifest.total,
        exported: manifest.exported,
        failed: manifest.failed,
        manifest: join(folder, 'manifest.json'),
      };
    } finally {
      store.close();
    }
  },
);
