import { join, resolve } from 'node:path';
import { openDatabase } from '../../db/open';
import { organisations } from '../../db/schema';
import { AttachmentStore } from '../services/attachments/attachment-store';
import { bulkSeedDemo } from '../services/demo/bulk-seed';
import { seedDemo } from '../services/demo/seed-demo';
import { CliError, runCli } from './run-cli';

const USAGE = 'использование: npm run seed -- --data <папка> [--appeals N] [--seed S] [--bulk]';
const DEFAULT_APPEALS = 300;
const MAX_APPEALS = 1_000_000;

function integerOption(value: string | boolean | undefined, name: string, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const n = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n) || n > max) {
    throw new CliError(`неверное значение --${name} «${String(value)}»: ожидается целое число от 0 до ${max}`);
  }
  return n;
}

/** Demo data for an empty data folder: the organisation, one user per role and N generated appeals. */
await runCli(
  { data: { type: 'string' }, appeals: { type: 'string' }, seed: { type: 'string' }, bulk: { type: 'boolean' } },
  async ({ values }) => {
    if (typeof values.data !== 'string' || values.data.trim() === '') {
      throw new CliError(`не указана папка данных --data; ${USAGE}`);
    }
    const appeals = integerOption(values.appeals, 'appeals', DEFAULT_APPEALS, MAX_APPEALS);
    const seed = integerOption(values.seed, 'seed', 1, 2 ** 31 - 1);
    const dataDir = resolve(values.data);
    const started = performance.now();
    const store = openDatabase(dataDir);
    try {
      const org = store.db.select({ name: organisations.name }).from(organisations).get();
      if (org) {
        throw new CliError(
          `папка данных ${dataDir} уже содержит данные (организация «${org.name}»); демонстрационные данные загружаются только в пустую папку`,
        );
      }
      // --bulk: the same rows written in large batches (bulk-seed.ts), for 100,000 appeals and more.
      const seeder = values.bulk === true ? bulkSeedDemo : seedDemo;
      const result = await seeder(store, new AttachmentStore(join(dataDir, 'attachments')), {
        appeals,
        seed,
        now: new Date(),
      });
      const seconds = Math.round((performance.now() - started) / 10) / 100;
      return { dataDir, appeals, users: result.users.map((u) => u.login), seconds };
    } finally {
      store.close();
    }
  },
);
