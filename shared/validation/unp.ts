import type { ValidationIssue } from '../errors';
import { describeChar, MAX_CHAR_ISSUES_PER_FIELD, toCodePoints } from './chars';
import { requiredIssue } from './required';

export const UNP_LENGTH = 9;
const LABEL = 'УНП';

/**
 * УНП (учётный номер плательщика) of a legal entity or an individual entrepreneur: exactly nine
 * digits. Rules: `required` (blank), `unp-digits` (each non-digit, with its 1-based position, at
 * most MAX_CHAR_ISSUES_PER_FIELD), `unp-length` (not nine characters). The value is checked as
 * given — spaces are reported; trim with `normalizeUnp` first when the input may carry them.
 * The check digit is not verified.
 */
export function checkUnp(field: string, value: string | null | undefined): ValidationIssue[] {
  const raw = value ?? '';
  if (raw.trim() === '') return [requiredIssue(field, LABEL)];
  const cps = toCodePoints(raw);
  const issues: ValidationIssue[] = [];
  cps.forEach((char, i) => {
    if (issues.length >= MAX_CHAR_ISSUES_PER_FIELD || (char >= '0' && char <= '9')) return;
    const position = i + 1;
    issues.push({
      field,
      rule: 'unp-digits',
      message: `${LABEL}: недопустимый символ ${describeChar(char)} в позиции ${position} — допускаются только цифры`,
      char,
      position,
    });
  });
  if (cps.length !== UNP_LENGTH) {
    issues.push({
      field,
      rule: 'unp-length',
      message: `${LABEL} должен состоять из ${UNP_LENGTH} цифр, введено символов: ${cps.length}`,
    });
  }
  return issues;
}

/** Storage form: surrounding whitespace removed, inner spaces too ("190 123 456"). */
export function normalizeUnp(value: string): string {
  return value.replace(/[\s\u00a0]+/g, '');
}
