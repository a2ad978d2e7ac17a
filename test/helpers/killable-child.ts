import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Bundles a test's child process once (packages stay external, resolved through a node_modules link),
 * so each start costs a fraction of a second instead of a TypeScript compile. Returns the script and
 * a cleanup.
 */
export async function bundleChild(entry: string): Promise<{ script: string; cleanup: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'arm-child-'));
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const script = join(dir, 'child.mjs');
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile: script,
    logLevel: 'error',
  });
  return { script, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface ChildRun {
  /** Everything the child printed on stdout before it ended. */
  out: string;
  killed: boolean;
}

/**
 * Runs the child; SIGKILLs it `killAfterMs` after it prints `ready` (null: let it finish). A child that
 * fails on its own (non-zero exit) rejects with its stderr.
 */
export function runKillable(script: string, args: string[], killAfterMs: number | null): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const proc: ChildProcess = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let armed = killAfterMs !== null;
    proc.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    proc.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (armed && out.includes('ready')) {
        armed = false;
        setTimeout(() => proc.kill('SIGKILL'), killAfterMs ?? 0);
      }
    });
    proc.on('error', reject);
    proc.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') return resolve({ out, killed: true });
      if (code !== 0) return reject(new Error(`child failed (${code}): ${err}`));
      resolve({ out, killed: false });
    });
  });
}
