import { readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { MAX_IMPORT_BYTES } from '../../shared/import/json-import';
import { importJson } from '../services/import/import-json';
import { cliContext } from './cli-context';
import { actingUser, existingDataDir, openDataFolder } from './data-folder';
import { CliError, runCli } from './run-cli';

const USAGE = 'использование: npm run --silent import-json -- --data <папка> [--user <логин>] <файл.json>';

/**
 * «Загрузить JSON» from the command line (regulation 4.3; format in docs/json-import.md): the report as
 * JSON on stdout, each problem in Russian on stderr; exit code 1 when anything is wrong (nothing written).
 */
await runCli({ data: { type: 'string' }, user: { type: 'string' } }, ({ values, positionals }) => {
  const dataDir = existingDataDir(values.data, USAGE);
  const [fileArg, extra] = positionals;
  if (!fileArg || extra !== undefined) throw new CliError(`укажите один файл JSON; ${USAGE}`);
  const file = resolve(fileArg);
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new CliError(`файл ${file} не найден`);
  }
  if (size > MAX_IMPORT_BYTES) throw new CliError(`файл больше ${MAX_IMPORT_BYTES / 1024 / 1024} МБ`);
  const { store, files } = openDataFolder(dataDir);
  try {
    const user = actingUser(store, values.user, 'clerk');
    const report = importJson(cliContext({ store, files }, dataDir, user), {
      fileName: basename(file),
      bytes: readFileSync(file),
    });
    if (!report.ok) {
      for (const issue of report.issues) {
        const where = issue.label ? `${issue.path} (${issue.label})` : issue.path;
        process.stderr.write(`${where}: ${issue.reason}\n`);
      }
      if (report.moreIssues > 0) process.stderr.write(`… и ещё ошибок: ${report.moreIssues}\n`);
      process.stderr.write(
        `Ошибка: файл не загружен — исправьте ошибки (${report.issues.length + report.moreIssues})\n`,
      );
      process.exitCode = 1;
    }
    return report;
  } finally {
    store.close();
  }
});
