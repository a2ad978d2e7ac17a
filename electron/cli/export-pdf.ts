import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { eq } from 'drizzle-orm';
import { PDFDocument } from 'pdf-lib';
import { openDatabase } from '../../db/open';
import { appeals } from '../../db/schema';
import { exportAppealPdf } from '../services/pdf/export-appeal-pdf';
import { cliContext } from './cli-context';
import { CliError, runCli } from './run-cli';

const USAGE =
  'использование: npm run export-pdf -- --data <папка> (--id <id> | --number <рег. номер>) --out <файл.pdf>';

const text = (value: string | boolean | undefined) =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null;

/** One appeal's PDF for ВСЭД from the command line, exported as the system (no session needed). */
await runCli(
  { data: { type: 'string' }, id: { type: 'string' }, number: { type: 'string' }, out: { type: 'string' } },
  async ({ values }) => {
    const data = text(values.data);
    const out = text(values.out);
    const id = text(values.id);
    const number = text(values.number);
    if (!data) throw new CliError(`не указана папка данных --data; ${USAGE}`);
    if (!out) throw new CliError(`не указан файл --out; ${USAGE}`);
    if ((id === null) === (number === null)) throw new CliError(`укажите ровно одно из --id и --number; ${USAGE}`);
    const dataDir = resolve(data);
    const store = openDatabase(dataDir);
    try {
      const appealId =
        id ??
        store.db
          .select({ id: appeals.id })
          .from(appeals)
          .where(eq(appeals.regNumber, number ?? ''))
          .get()?.id;
      if (!appealId) throw new CliError(`обращение с номером «${number}» не найдено`);
      const bytes = await exportAppealPdf(cliContext(store, dataDir, ['head']), appealId);
      const file = resolve(out);
      writeFileSync(file, bytes);
      const pages = (await PDFDocument.load(bytes)).getPageCount();
      return { file, pages, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
    } finally {
      store.close();
    }
  },
);
