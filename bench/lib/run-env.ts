import { appendFileSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/** A positive integer from the environment (BENCH_APPEALS…), or the default. */
export function envInt(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isSafeInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer`);
  return value;
}

/** Size of a file in bytes, 0 when it does not exist. */
export function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/** Progress for people goes to stderr; stdout carries only the JSON result line. */
export const progress = (prefix: string) => (message: string) => process.stderr.write(`[${prefix}] ${message}\n`);

export const RESULTS_FILE = 'bench/results/results.jsonl';

/** The one result line of a run: appended to bench/results/results.jsonl and printed on stdout. */
export function publishResult(line: object): void {
  const json = JSON.stringify(line);
  mkdirSync(dirname(RESULTS_FILE), { recursive: true });
  appendFileSync(RESULTS_FILE, `${json}\n`);
  process.stdout.write(`${json}\n`);
}
