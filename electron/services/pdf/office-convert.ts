import { execFile } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Office formats of regulation 4.3 that LibreOffice turns into PDF pages. */
export const OFFICE_EXTENSIONS = new Set(['.doc', '.docx', '.xls', '.xlsx', '.rtf']);

/** How long one conversion may take before it is abandoned (the file is embedded instead). */
export const CONVERT_TIMEOUT_MS = 60_000;

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * LibreOffice's command-line program: `ARM_SOFFICE` (a configured path) first, then `soffice` or
 * `libreoffice` on PATH; null when none is installed (office files are then embedded, not converted).
 */
export function findSoffice(env: NodeJS.ProcessEnv = process.env): string | null {
  const configured = env.ARM_SOFFICE?.trim();
  if (configured) return executable(configured) ? configured : null;
  const names = process.platform === 'win32' ? ['soffice.exe', 'soffice.com'] : ['soffice', 'libreoffice'];
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    for (const name of names) if (executable(join(dir, name))) return join(dir, name);
  }
  return null;
}

/**
 * Converts one office file to PDF with `soffice --headless --convert-to pdf` in a throw-away folder
 * with its own user profile (a running LibreOffice of the user is not disturbed, two conversions do
 * not share a profile lock). Resolves to the PDF bytes, or to a Russian reason it could not.
 */
export async function convertOffice(
  soffice: string,
  name: string,
  bytes: Uint8Array,
  timeoutMs = CONVERT_TIMEOUT_MS,
): Promise<Uint8Array | string> {
  const dir = mkdtempSync(join(tmpdir(), 'arm-soffice-'));
  try {
    const input = join(dir, `input${extname(name).toLowerCase()}`);
    writeFileSync(input, bytes);
    const out = join(dir, 'out');
    const args = [
      `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
      '--headless',
      '--norestore',
      '--nolockcheck',
      '--convert-to',
      'pdf',
      '--outdir',
      out,
      input,
    ];
    const failure = await new Promise<string | null>((resolve) => {
      execFile(soffice, args, { timeout: timeoutMs, killSignal: 'SIGKILL' }, (err) => {
        if (!err) resolve(null);
        else if (err.killed) resolve(`LibreOffice не успел за ${Math.round(timeoutMs / 1000)} с`);
        else resolve('LibreOffice не смог преобразовать файл');
      });
    });
    if (failure) return failure;
    const pdf = readdirSync(out, { withFileTypes: true }).find((f) => f.isFile() && f.name.endsWith('.pdf'));
    return pdf ? new Uint8Array(readFileSync(join(out, pdf.name))) : 'LibreOffice не создал PDF';
  } catch {
    return 'LibreOffice не создал PDF';
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
