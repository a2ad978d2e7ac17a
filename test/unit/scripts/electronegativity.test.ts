import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { findingsCsv, gateFailures, type ScanResult, scanElectron } from '../../../scripts/electronegativity';

/** Issue #10: the Electronegativity step of `npm test` passes on our shell and fails on an insecure one. */

const insecure = 'test/fixtures/electronegativity/insecure';
const out = mkdtempSync(join(tmpdir(), 'electronegativity-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('Electronegativity gate', () => {
  it('finds no HIGH issue in the Electron shell and parses every file', async () => {
    const result = await scanElectron('electron');
    expect(result.checks).toBeGreaterThan(30);
    expect(gateFailures(result)).toEqual([]);
    // The window's options are visible to it (no finding about them at any severity).
    const ids = result.findings.map((f) => f.id);
    for (const id of [
      'NODE_INTEGRATION_JS_CHECK',
      'CONTEXT_ISOLATION_JS_CHECK',
      'SANDBOX_JS_CHECK',
      'AUXCLICK_JS_CHECK',
    ]) {
      expect(ids).not.toContain(id);
    }
  });

  it('refuses a window with Node and no isolation: the command exits 1 and names the findings', async () => {
    const csv = join(out, 'insecure.csv');
    const run = promisify(execFile)('npx', ['tsx', 'scripts/electronegativity.ts', insecure, '--out', csv]);
    const failure = (await run.then(
      () => null,
      (e: unknown) => e,
    )) as { code: number; stderr: string } | null;
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain('HIGH CONTEXT_ISOLATION_JS_CHECK');
    expect(failure?.stderr).toContain('HIGH LIMIT_NAVIGATION_GLOBAL_CHECK');
    expect(readFileSync(csv, 'utf8')).toContain('"CONTEXT_ISOLATION_JS_CHECK","HIGH"');
    expect(readFileSync(csv, 'utf8')).toContain('"NODE_INTEGRATION_JS_CHECK"');
    const json = JSON.parse(readFileSync(join(out, 'insecure.json'), 'utf8')) as ScanResult;
    expect(gateFailures(json).length).toBeGreaterThanOrEqual(2);
  });

  it('an unparsed file fails the gate too; CSV cells are quoted', () => {
    const result: ScanResult = {
      input: 'x',
      electronVersion: '38.0.0',
      checks: 1,
      findings: [],
      unparsed: [{ file: 'a.ts', message: 'Unexpected token' }],
    };
    expect(gateFailures(result)).toEqual(['not parsed: a.ts: Unexpected token']);
    const finding = { id: 'X', severity: 'LOW' as const, confidence: 'FIRM', file: 'a "b".ts', line: 1, column: 2 };
    expect(findingsCsv([{ ...finding, manualReview: false, description: 'd' }])).toContain('"a ""b"".ts"');
  });
});
