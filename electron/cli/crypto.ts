/**
 * `npm run --silent crypto -- belt-hash HEX` (or `--file FILE`): belt-hash (STB 34.101.31) in hex.
 * `npm run --silent crypto -- verify FILE FILE.p7s [--roots DIR] [--crl FILE]`: checks a detached CMS
 * signature (bign, STB 34.101.45) and prints `{valid, signer, signedAt, reason, code}`; exit 0 only when
 * valid, 1 when not, 2 for usage errors (bad arguments, unreadable files).
 */
import { readFileSync } from 'node:fs';
import { beltHash, bytesToHex } from '../../shared/crypto';
import { verifyDetached } from '../services/signing/cms';
import { loadTrustStore, PkiError } from '../services/signing/pki';
import { CliError, runCli } from './run-cli';

const USAGE =
  'использование: crypto belt-hash <HEX> | belt-hash --file <файл> | ' +
  'verify <файл> <файл.p7s> [--roots <папка доверенных сертификатов>] [--crl <файл CRL>]';
const USAGE_EXIT = 2;

const usage = (message: string) => new CliError(`${message}; ${USAGE}`, USAGE_EXIT);

function readInput(path: string, what: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(path));
  } catch (err) {
    throw new CliError(
      `не удаётся прочитать ${what} «${path}»: ${(err as NodeJS.ErrnoException).code ?? err}`,
      USAGE_EXIT,
    );
  }
}

function hexArgument(text: string): Uint8Array {
  const clean = text.replace(/\s+/g, '');
  if (clean.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(clean)) {
    throw usage(`«${text}» — не шестнадцатеричная строка чётной длины`);
  }
  return Uint8Array.from(Buffer.from(clean, 'hex'));
}

function beltHashCommand(args: string[], file: string | undefined): undefined {
  if ((file === undefined) === (args.length !== 1)) throw usage('укажите ровно одно: HEX или --file');
  const data = file === undefined ? hexArgument(args[0] ?? '') : readInput(file, 'файл');
  process.stdout.write(`${bytesToHex(beltHash(data))}\n`);
  return undefined;
}

function trustOf(rootsDir: string | undefined, crl: string | undefined) {
  try {
    const trust = loadTrustStore({ rootsDir, crlFiles: crl === undefined ? [] : [crl] });
    for (const { file, reason } of trust.skipped) process.stderr.write(`Предупреждение: пропущен ${file}: ${reason}\n`);
    return trust;
  } catch (err) {
    const detail = err instanceof PkiError ? err.message : ((err as NodeJS.ErrnoException).code ?? String(err));
    throw new CliError(`не удаётся загрузить доверенные сертификаты или CRL: ${detail}`, USAGE_EXIT);
  }
}

function verifyCommand(args: string[], rootsDir: string | undefined, crl: string | undefined) {
  const [file, signature, ...extra] = args;
  if (!file || !signature || extra.length > 0) throw usage('укажите файл и его подпись .p7s');
  const content = readInput(file, 'файл');
  const p7s = readInput(signature, 'подпись');
  const result = verifyDetached(content, p7s, trustOf(rootsDir, crl));
  if (!result.valid) process.exitCode = 1;
  const { valid, signer, signedAt, reason, code } = result;
  return { valid, signer, signedAt, reason, code };
}

await runCli(
  { roots: { type: 'string' }, crl: { type: 'string' }, file: { type: 'string' } },
  ({ values, positionals }) => {
    const [command, ...rest] = positionals;
    const text = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
    if (command === 'belt-hash') return beltHashCommand(rest, text('file'));
    if (command === 'verify') return verifyCommand(rest, text('roots'), text('crl'));
    throw new CliError(command ? `неизвестная команда «${command}»; ${USAGE}` : USAGE, USAGE_EXIT);
  },
  { usageExitCode: USAGE_EXIT },
);
