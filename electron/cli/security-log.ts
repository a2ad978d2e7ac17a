import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DB_FILE } from '../../db/open';
import { verifySecurityLog } from '../services/security/verify-log';
import { openDataFolder } from './data-folder';
import { CliError, runCli } from './run-cli';

const USAGE = 'использование: npm run security-log -- --data <папка> verify';

/** The security log's hash chain (regulation 6.3): prints the verification, exit code 1 when it is broken. */
await runCli({ data: { type: 'string' } }, ({ values, positionals }) => {
  const [command] = positionals;
  if (command !== 'verify') throw new CliError(command ? `неизвестная команда «${command}»; ${USAGE}` : USAGE);
  if (typeof values.data !== 'string' || values.data.trim() === '') {
    throw new CliError(`не указана папка данных --data; ${USAGE}`);
  }
  const dataDir = resolve(values.data);
  if (!existsSync(join(dataDir, DB_FILE))) throw new CliError(`в папке ${dataDir} нет базы данных ${DB_FILE}`);
  const { store } = openDataFolder(dataDir);
  try {
    const result = verifySecurityLog(store.db);
    if (!result.ok) process.exitCode = 1;
    return result;
  } finally {
    store.close();
  }
});
