import { userInfo } from 'node:os';
import type { BackupActor } from '../services/backup/backup-handle';
import { BackupManager } from '../services/backup/backup-manager';
import { existingDataDir, openDataFolder } from './data-folder';
import { CliError, runCli } from './run-cli';

const USAGE =
  'использование: npm run --silent backup -- --data <папка> create | list | verify [--id <копия>] | restore --id <копия>';

/**
 * Backups of a data folder from the command line (the app must be closed for `restore`): `create` makes
 * and verifies one, `list` shows them, `verify` checks one (default: every backup), `restore` swaps one in.
 * JSON on stdout; exit code 1 when a verification fails.
 */
const options = { data: { type: 'string' }, id: { type: 'string' }, 'passphrase-file': { type: 'string' } } as const;
await runCli(options, async ({ values, positionals }) => {
  const dataDir = existingDataDir(values.data, USAGE);
  const [command, extra] = positionals;
  if (!command || extra !== undefined) throw new CliError(USAGE);
  if (!['create', 'list', 'verify', 'restore'].includes(command)) {
    throw new CliError(`неизвестная команда «${command}»; ${USAGE}`);
  }
  const id = typeof values.id === 'string' ? values.id : null;
  if (command === 'restore' && !id) throw new CliError(`укажите копию --id; ${USAGE}`);
  const { store, files, keys } = openDataFolder(dataDir, values['passphrase-file']);
  const manager = new BackupManager({
    dataDir,
    store,
    files,
    clock: () => new Date(),
    version: 'cli',
    openOptions: {},
    keys,
  });
  const actor: BackupActor = { login: `cli:${userInfo().username}`, userId: null };
  try {
    switch (command) {
      case 'create': {
        const made = await manager.create('cli', actor);
        if (!made.verification?.ok) process.exitCode = 1;
        return made;
      }
      case 'list':
        return { settings: manager.settings(), backups: manager.list() };
      case 'verify': {
        const ids = id ? [id] : manager.list().map((b) => b.id);
        const checked = [];
        for (const one of ids) checked.push(await manager.verify(one, actor));
        if (checked.some((b) => !b.verification?.ok)) process.exitCode = 1;
        return { backups: checked };
      }
      default:
        return await manager.restore(id ?? '', actor);
    }
  } finally {
    store.close();
  }
});
