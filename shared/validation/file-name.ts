import type { ValidationIssue } from '../errors';
import { describeChar, toCodePoints } from './chars';

/** Longest file name most file systems accept. */
export const MAX_FILE_NAME_LENGTH = 255;

/**
 * Characters a file name must not contain: path separators / and \ (a name is not a path), and
 * : * ? " < > | which Windows, where the workstation runs and saves attachments, forbids.
 */
const FORBIDDEN = new Set(['/', '\\', ':', '*', '?', '"', '<', '>', '|']);
/** Control (Cc) and format (Cf) characters: incl. bidi overrides that disguise «fdp.exe» as «exe.pdf». */
const INVISIBLE = /^[\p{Cc}\p{Cf}]$/u;

/** Rule `file-name`: the name is non-blank, short enough, with no separators or hidden characters. */
export function checkFileName(field: string, name: string): ValidationIssue[] {
  if (name.trim() === '') return [{ field, rule: 'file-name', message: 'У файла нет имени' }];
  const cps = toCodePoints(name);
  const bad = cps.findIndex((ch) => FORBIDDEN.has(ch) || INVISIBLE.test(ch));
  const issues: ValidationIssue[] = [];
  const char = cps[bad];
  if (char !== undefined) {
    const position = bad + 1;
    issues.push({
      field,
      rule: 'file-name',
      message: `Имя файла «${displayFileName(name)}» содержит недопустимый символ ${describeChar(char)} в позиции ${position}`,
      char,
      position,
    });
  }
  if (cps.length > MAX_FILE_NAME_LENGTH) {
    issues.push({
      field,
      rule: 'file-name',
      message: `Имя файла длиннее ${MAX_FILE_NAME_LENGTH} символов — переименуйте файл`,
    });
  }
  return issues;
}

/** The name as shown in messages: hidden characters dropped so the clerk sees what Explorer shows. */
export function displayFileName(name: string): string {
  return toCodePoints(name)
    .filter((ch) => !INVISIBLE.test(ch))
    .join('');
}
