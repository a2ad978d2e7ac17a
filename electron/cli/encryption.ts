import { userInfo } from 'node:os';
import { EncryptionService } from '../services/encryption/encryption-service';
import { existingDataDir, openDataFolder } from './data-folder';
import { CliError, runCli } from './run-cli';

const USAGE =
  'использование: npm run --silent encryption -- --data <папка> [--passphrase-file <файл>] status | encrypt | decrypt';

/**
 * Encryption at rest of a data folder from the command line (decision 014; the app must be closed):
 * `status`, `encrypt` (also resumes an interrupted run), `decrypt`. The data key's passphrase comes
 * from `--passphrase-file` or ARM_DB_PASSPHRASE. JSON on stdout.
 */
await runCli({ data: { type: 'string' }, 'passphrase-file': { type: 'string' } }, async ({ values, positionals }) => {
  const dataDir = existingDataDir(values.data, USAGE);
  const [command, extra] = positionals;
  if (!command || extra !== undefined) throw new CliError(USAGE);
  if (!['status', 'encrypt', 'decrypt'].includes(command)) {
    throw new CliError(`неизвестная команда «${command}»; ${USAGE}`);
  }
  const { store, files, keys } = openDataFolder(dataDir, values['passphrase-file']);
  const service = new EncryptionService({ dataDir, store, files, keys, openOptions: {}, clock: () => new Date() });
  const actor = { login: `cli:${userInfo().username}`, userId: null };
  try {
    if (command === 'status') return service.status();
    if (command === 'encrypt') return await service.encrypt(actor);
    return await service.decrypt(actor);
  } finally {
    store.close();
  }
});
