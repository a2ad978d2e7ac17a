import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
let child: ChildProcessWithoutNullStreams | undefined;
let dir: string | undefined;
afterEach(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  if (dir) rmSync(dir, { recursive: true, force: true });
  child = undefined;
  dir = undefined;
});

function start(...args: string[]) {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'electron/cli/central.ts', ...args], { cwd: root });
  child = proc;
  let stdout = '';
  let stderr = '';
  proc.stderr.on('data', (c: Buffer) => {
    stderr += c.toString();
  });
  const firstLine = new Promise<string>((resolve, reject) => {
    proc.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
      if (stdout.includes('\n')) resolve(stdout.split('\n')[0] ?? '');
    });
    proc.on('exit', (code) => reject(new Error(`exited ${code}: ${stderr}`)));
  });
  // Tests that expect a failure never read the first line.
  firstLine.catch(() => {});
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return { proc, firstLine, exited, stderr: () => stderr };
}

async function token(url: string, clientId: string, clientSecret: string) {
  const res = await fetch(`${url}/api/v1/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ clientId, clientSecret }),
  });
  return { status: res.status, body: (await res.json()) as { accessToken?: string } };
}

describe('npm run central', () => {
  it('prints { url, clientId }, serves the demo client until SIGTERM, then exits 0', async () => {
    dir = mkdtempSync(join(tmpdir(), 'central-cli-'));
    const run = start('--port', '0', '--data', dir);
    const line = JSON.parse(await run.firstLine) as { url: string; clientId: string };
    expect(line.clientId).toBe('demo-org');
    expect(line.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const ok = await token(line.url, 'demo-org', 'demo-secret');
    expect(ok.status).toBe(200);
    const orgs = await fetch(`${line.url}/api/v1/organisations`, {
      headers: { authorization: `Bearer ${ok.body.accessToken}` },
    });
    expect(orgs.status).toBe(200);
    run.proc.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(run.stderr()).toBe('');
  });

  it('takes the client credentials from the command line', async () => {
    const run = start('--port', '0', '--client-id', 'org-77', '--client-secret', 's3cret');
    const line = JSON.parse(await run.firstLine) as { url: string; clientId: string };
    expect(line.clientId).toBe('org-77');
    expect((await token(line.url, 'org-77', 's3cret')).status).toBe(200);
    expect((await token(line.url, 'demo-org', 'demo-secret')).status).toBe(401);
    run.proc.kill('SIGINT');
    expect(await run.exited).toBe(0);
  });

  it('refuses a malformed option with a Russian message and exit code 1', async () => {
    const run = start('--port', 'восемь');
    expect(await run.exited).toBe(1);
    expect(run.stderr()).toContain('неверное значение --port');
  });
});
