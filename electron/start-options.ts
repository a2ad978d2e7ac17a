import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

export interface StartOptions {
  dataDir: string;
  /** The central system's URL (`--server`); null = the embedded reference server's demo. */
  server: string | null;
  port: number;
  open: boolean;
  /** Whether an empty data folder gets the demo organisation, users and appeals. */
  demo: boolean;
  /** Browser mode: a file holding the passphrase of the data key (decision 014); else ARM_DB_PASSPHRASE. */
  passphraseFile: string | null;
}

/** The user's application-data folder: %APPDATA% on Windows, XDG config elsewhere. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.APPDATA ?? env.XDG_CONFIG_HOME ?? join(homedir(), '.config');
  return join(base, 'arm-appeals');
}

/**
 * One parser for `npm start -- [--data DIR] [--server URL] [--port N] [--no-open] [--no-demo]
 * [--passphrase-file FILE]`.
 */
export function parseStartOptions(argv: string[], fallbackDataDir = defaultDataDir()): StartOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      data: { type: 'string' },
      server: { type: 'string' },
      port: { type: 'string' },
      'no-open': { type: 'boolean' },
      'no-demo': { type: 'boolean' },
      'passphrase-file': { type: 'string' },
    },
    strict: false,
    allowPositionals: true,
  });
  const port = Number(values.port ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Некорректный порт: ${values.port}`);
  return {
    dataDir: resolve(typeof values.data === 'string' ? values.data : fallbackDataDir),
    server: typeof values.server === 'string' ? values.server : null,
    port,
    open: !values['no-open'],
    demo: !values['no-demo'],
    passphraseFile: typeof values['passphrase-file'] === 'string' ? resolve(values['passphrase-file']) : null,
  };
}
