import { type ParseArgsConfig, parseArgs } from 'node:util';

/** A user-facing command-line error: Russian message on stderr, non-zero exit (1 unless told). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/**
 * The one entry-point wrapper of every `npm run <command>`: parses arguments with node's parseArgs,
 * prints the result as one JSON line on stdout, Russian messages on stderr, exit code 1 on failure
 * (`usageExitCode` for arguments parseArgs rejects, default 1).
 */
export async function runCli<T extends ParseArgsConfig['options']>(
  options: T,
  main: (args: { values: Record<string, string | boolean | undefined>; positionals: string[] }) => unknown,
  settings: { usageExitCode?: number } = {},
): Promise<void> {
  let exitCode = settings.usageExitCode ?? 1;
  try {
    const parsed = parseArgs({ args: process.argv.slice(2), options, allowPositionals: true, strict: true });
    exitCode = 1;
    const out = await main({
      values: parsed.values as Record<string, string | boolean | undefined>,
      positionals: parsed.positionals,
    });
    if (out !== undefined) process.stdout.write(`${JSON.stringify(out)}\n`);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`Ошибка: ${message}\n`);
    process.exitCode = err instanceof CliError ? err.exitCode : exitCode;
  }
}
