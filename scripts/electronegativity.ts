import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { dirname, relative, resolve } from 'node:path';

/**
 * Issue #10: Electronegativity (@doyensec/electronegativity 1.10.3) over the Electron shell, in `npm test`.
 * Its CLI breaks on the newer `commander` hoisted in node_modules, so this calls its programmatic API
 * (`dist/runner.js`). Offline-safe: the check that downloads Electron's release list
 * (AvailableSecurityFixesGlobalCheck) is excluded — the Electron version comes from our package.json —
 * and its HTTP client (`got`, used only for those downloads) is replaced by one that refuses at once, so
 * the translations fall back to the bundled English texts without a network call (it took 3 s offline).
 *
 *   npx tsx scripts/electronegativity.ts [DIR] [--out test-results/electronegativity.csv]
 *
 * Writes the findings as CSV and JSON, prints a summary, exits 1 on any HIGH finding or on a file it
 * could not parse (an unparsed file is an unchecked one). Accepted MEDIUM/LOW findings are listed with
 * their reasons in docs/security.md.
 */

export type Severity = 'INFORMATIONAL' | 'LOW' | 'MEDIUM' | 'HIGH';

export interface Finding {
  id: string;
  severity: Severity;
  confidence: string;
  file: string;
  line: number;
  column: number;
  manualReview: boolean;
  description: string;
}

export interface ScanResult {
  input: string;
  electronVersion: string;
  checks: number;
  findings: Finding[];
  /** Files the parser refused (not "tolerable" warnings). */
  unparsed: { file: string; message: string }[];
}

interface RawIssue {
  id: string;
  severity: { name: Severity };
  confidence: { name: string };
  file: string;
  location: { line: number; column: number };
  manualReview: boolean;
  description: string;
}

type Runner = (options: Record<string, unknown>) => Promise<{
  globalChecks: number;
  atomicChecks: number;
  errors: { file: string; message: string; tolerable: boolean }[];
  issues: RawIssue[];
}>;

const require = createRequire(import.meta.url);

/** Needs the network (GitHub's Electron releases); our Electron version is pinned in package.json instead. */
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

/** The Electron version the shell is built with: package.json's `electron` range, without its operator. */
export function ourElectronVersion(packageJson = resolve(import.meta.dirname, '..', 'package.json')): string {
  const pkg = JSON.parse(readFileSync(packageJson, 'utf8')) as Record<string, Record<string, string> | undefined>;
  const range = pkg.optionalDependencies?.electron ?? pkg.devDependencies?.electron ?? pkg.dependencies?.electron;
  const version = /\d+\.\d+\.\d+/.exec(range ?? '')?.[0];
  if (!version) throw new Error('package.json names no Electron version');
  return version;
}

/** Loads the runner with its `got` answered by an immediate refusal (no download, no wait). */
function offlineRunner(): Runner {
  const runnerPath = require.resolve('@doyensec/electronegativity');
  const gotPath = require.resolve('got', { paths: [dirname(runnerPath)] });
  if (!require.cache[gotPath]) {
    const refuse = () => Promise.reject(new Error('Electronegativity runs offline here'));
    const stub = new Module(gotPath);
    stub.filename = gotPath;
    stub.loaded = true;
    stub.exports = Object.assign(refuse, { default: refuse });
    require.cache[gotPath] = stub;
  }
  return require(runnerPath) as Runner;
}

export async function scanElectron(input: string, electronVersion = ourElectronVersion()): Promise<ScanResult> {
  const run = offlineRunner();
  const dir = resolve(input);
  // The refused translations download prints one line; keep the summary readable.
  const log = console.log;
  console.log = () => {};
  try {
    const result = await run({
      input: dir,
      isRelative: false,
      isVerbose: false,
      customScan: [],
      excludeFromScan: EXCLUDED_CHECKS,
      electronVersionOverride: electronVersion,
      parserPlugins: [],
    });
    return {
      input: dir,
      electronVersion,
      checks: result.globalChecks + result.atomicChecks,
      findings: result.issues.map((i) => ({
        id: i.id,
        severity: i.severity.name,
        confidence: i.confidence.name,
        file: relative(process.cwd(), i.file),
        line: i.location.line,
        column: i.location.column,
        manualReview: i.manualReview,
        description: i.description,
      })),
      unparsed: result.errors.filter((e) => !e.tolerable).map(({ file, message }) => ({ file, message })),
    };
  } finally {
    console.log = log;
  }
}

/** The gate: no HIGH finding and every file parsed. Returns the reasons it fails (empty = passes). */
export function gateFailures(result: ScanResult): string[] {
  return [
    ...result.findings.filter((f) => f.severity === 'HIGH').map((f) => `HIGH ${f.id} ${f.file}:${f.line}:${f.column}`),
    ...result.unparsed.map((e) => `not parsed: ${e.file}: ${e.message}`),
  ];
}

const csvCell = (value: string | number | boolean) => `"${String(value).replaceAll('"', '""')}"`;

export function findingsCsv(findings: Finding[]): string {
  const header = ['id', 'severity', 'confidence', 'file', 'line', 'column', 'manualReview', 'description'];
  const rows = findings.map((f) =>
    [f.id, f.severity, f.confidence, f.file, f.line, f.column, f.manualReview, f.description].map(csvCell).join(','),
  );
  return `${[header.join(','), ...rows].join('\n')}\n`;
}

export function writeReport(result: ScanResult, csvPath: string): void {
  mkdirSync(dirname(csvPath), { recursive: true });
  writeFileSync(csvPath, findingsCsv(result.findings));
  writeFileSync(csvPath.replace(/\.csv$/, '.json'), `${JSON.stringify(result, null, 2)}\n`);
}

export function summary(result: ScanResult): string {
  const count = (s: Severity) => result.findings.filter((f) => f.severity === s).length;
  const lines = [
    `Electronegativity: ${result.checks} checks over ${relative(process.cwd(), result.input) || '.'} ` +
      `(Electron ${result.electronVersion}): HIGH ${count('HIGH')}, MEDIUM ${count('MEDIUM')}, ` +
      `LOW ${count('LOW')}, INFORMATIONAL ${count('INFORMATIONAL')}`,
    ...result.findings.map(
      (f) => `  ${f.severity.padEnd(6)} ${f.id} ${f.file}:${f.line}${f.manualReview ? ' (manual review)' : ''}`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}

async function main(argv: string[]): Promise<number> {
  const outAt = argv.indexOf('--out');
  const out = outAt >= 0 ? argv[outAt + 1] : 'test-results/electronegativity.csv';
  const input = argv.find((a, i) => !a.startsWith('--') && i !== outAt + 1) ?? 'electron';
  if (!out) throw new Error('--out needs a path');
  const result = await scanElectron(input);
  writeReport(result, out);
  process.stdout.write(summary(result));
  const failures = gateFailures(result);
  if (failures.length > 0) {
    process.stderr.write(`Electronegativity: ${failures.length} blocking finding(s):\n${failures.join('\n')}\n`);
    return 1;
  }
  process.stdout.write(`No HIGH finding. Report: ${out}\n`);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(2);
    },
  );
}
