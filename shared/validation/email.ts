import type { ValidationIssue } from '../errors';
import { describeChar, MAX_CHAR_ISSUES_PER_FIELD, toCodePoints } from './chars';
import { requiredIssue } from './required';

export interface EmailOptions {
  label?: string;
  required?: boolean;
}

/** RFC 5321 limits. */
export const MAX_EMAIL_LENGTH = 254;
const MAX_LOCAL_LENGTH = 64;

/** Dot-atom characters of RFC 5322 (quoted local parts and SMTPUTF8 mailboxes are not accepted). */
const LOCAL_CHAR = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]$/;
/** Domain characters: letters of any script (обращения.бел), digits, hyphen, dot. */
const DOMAIN_CHAR = /^[\p{L}\p{N}.-]$/u;
const DOMAIN_LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;
const TOP_LEVEL = /^(?:\p{L}{2,63}|xn--[a-z0-9-]{1,59})$/iu;

/**
 * Pragmatic e-mail check (the format control of [4.4]): surrounding whitespace is ignored
 * (positions still count from the start of `value`); one «@»; a dot-atom mailbox name of Latin
 * letters, digits and . ! # $ % & ' * + / = ? ^ _ ` { | } ~ - without leading, trailing or double
 * dots; a domain of at least two labels whose last one is letters (or punycode), Cyrillic domains
 * such as «.бел» included. Rules: `required`, `email-format`, `too-long`.
 */
export function checkEmail(
  field: string,
  value: string | null | undefined,
  opts: EmailOptions = {},
): ValidationIssue[] {
  const label = opts.label ?? 'Электронная почта';
  const raw = value ?? '';
  const trimmed = raw.trim();
  if (trimmed === '') return opts.required ? [requiredIssue(field, label)] : [];
  const offset = toCodePoints(raw).length - toCodePoints(raw.trimStart()).length;
  const cps = toCodePoints(trimmed);
  const issues: ValidationIssue[] = [];
  const fail = (message: string) =>
    issues.push({ field, rule: 'email-format', message: `Поле «${label}»: ${message}` });

  const at = cps.indexOf('@');
  if (at < 0) {
    fail('адрес должен содержать символ «@»');
    return issues;
  }
  const secondAt = cps.indexOf('@', at + 1);
  if (secondAt >= 0) {
    const position = offset + secondAt + 1;
    issues.push({
      field,
      rule: 'email-format',
      message: `Поле «${label}»: второй символ «@» в позиции ${position} — допускается только один`,
      char: '@',
      position,
    });
    return issues;
  }

  let charIssues = 0;
  cps.forEach((char, i) => {
    if (i === at || charIssues >= MAX_CHAR_ISSUES_PER_FIELD) return;
    const ok = i < at ? LOCAL_CHAR.test(char) : DOMAIN_CHAR.test(char);
    if (ok) return;
    charIssues++;
    const position = offset + i + 1;
    const where = i < at ? 'в имени почтового ящика' : 'в домене';
    issues.push({
      field,
      rule: 'email-format',
      message: `Поле «${label}»: недопустимый символ ${describeChar(char)} в позиции ${position} ${where}`,
      char,
      position,
    });
  });

  const local = cps.slice(0, at).join('');
  const domain = cps.slice(at + 1).join('');
  if (local === '') fail('не указано имя почтового ящика перед «@»');
  else if (toCodePoints(local).length > MAX_LOCAL_LENGTH)
    fail(`имя почтового ящика длиннее ${MAX_LOCAL_LENGTH} символов`);
  else if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) {
    fail('точка не может стоять в начале или в конце имени ящика или повторяться');
  }

  if (domain === '') fail('не указан домен после «@»');
  else if (charIssues === 0) {
    const labels = domain.split('.');
    const last = labels[labels.length - 1] ?? '';
    if (labels.length < 2) fail(`в домене «${domain}» нет точки (пример: ivanov@mail.by)`);
    else if (!labels.every((part) => DOMAIN_LABEL.test(part)) || !TOP_LEVEL.test(last)) {
      fail(`неверный домен «${domain}»`);
    }
  }

  if (cps.length > MAX_EMAIL_LENGTH) {
    issues.push({ field, rule: 'too-long', message: `Поле «${label}»: адрес длиннее ${MAX_EMAIL_LENGTH} символов` });
  }
  return issues;
}

/** Storage form: trimmed, domain in lower case (the mailbox name is kept: it may be case-sensitive). */
export function normalizeEmail(value: string): string {
  const trimmed = value.trim();
  const at = trimmed.lastIndexOf('@');
  if (at < 0) return trimmed;
  return `${trimmed.slice(0, at)}@${trimmed.slice(at + 1).toLowerCase()}`;
}
