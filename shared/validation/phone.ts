import type { ValidationIssue } from '../errors';
import { describeChar, MAX_CHAR_ISSUES_PER_FIELD, toCodePoints } from './chars';
import { requiredIssue } from './required';

export interface PhoneOptions {
  label?: string;
  required?: boolean;
}

export const BELARUS_COUNTRY_CODE = '375';

/**
 * First two digits of a Belarusian national number (9 digits after 375 / 80): city and region
 * codes 15 (Гродненская), 16 (Брестская), 17 (Минск и Минская), 21 (Витебская), 22 (Могилёвская),
 * 23 (Гомельская); mobile 24, 25, 29, 33, 44. Extend when the numbering plan changes.
 */
export const BELARUS_CODES: ReadonlySet<string> = new Set([
  '15',
  '16',
  '17',
  '21',
  '22',
  '23',
  '24',
  '25',
  '29',
  '33',
  '44',
]);

/** Separators people type between digit groups. */
const SEPARATORS = new Set([' ', '\u00a0', '-', '\u2010', '\u2011', '\u2013', '(', ')', '.']);
const E164_MIN = 8;
const E164_MAX = 15;
const FORMAT_HINT = 'укажите номер в формате +375 29 123-45-67 или 8 029 123-45-67';

interface PhoneAnalysis {
  normalized?: string;
  problems: Omit<ValidationIssue, 'field'>[];
}

function nationalNumber(digits: string, plus: boolean): string | undefined {
  if (digits.startsWith(BELARUS_COUNTRY_CODE) && (plus || digits.length === 12)) return digits.slice(3);
  if (plus) return undefined;
  if (digits.startsWith('80') && digits.length === 11) return digits.slice(2);
  if (digits.length === 9) return digits;
  return undefined;
}

function analyse(raw: string, label: string): PhoneAnalysis {
  const problems: PhoneAnalysis['problems'] = [];
  const cps = toCodePoints(raw);
  const firstSignificant = cps.findIndex((ch) => ch.trim() !== '');
  let digits = '';
  cps.forEach((char, i) => {
    if (char >= '0' && char <= '9') digits += char;
    else if (SEPARATORS.has(char) || (char === '+' && i === firstSignificant)) return;
    else if (problems.length < MAX_CHAR_ISSUES_PER_FIELD) {
      const position = i + 1;
      const message = `Поле «${label}»: недопустимый символ ${describeChar(char)} в позиции ${position} — допускаются цифры, пробелы, «+», «-» и скобки`;
      problems.push({ rule: 'phone-format', message, char, position });
    }
  });
  if (problems.length > 0) return { problems };

  const plus = cps[firstSignificant] === '+';
  if (plus && !digits.startsWith(BELARUS_COUNTRY_CODE)) {
    if (digits.length < E164_MIN || digits.length > E164_MAX) {
      const message = `Поле «${label}»: международный номер должен содержать от ${E164_MIN} до ${E164_MAX} цифр, введено ${digits.length}`;
      return { problems: [{ rule: 'phone-length', message }] };
    }
    return { normalized: digits, problems };
  }
  const national = nationalNumber(digits, plus);
  if (national === undefined || national.length !== 9) {
    const detail = plus ? `после +375 должно быть 9 цифр, введено ${digits.length - 3}` : FORMAT_HINT;
    return { problems: [{ rule: 'phone-length', message: `Поле «${label}»: ${detail}` }] };
  }
  const code = national.slice(0, 2);
  if (!BELARUS_CODES.has(code)) {
    const message = `Поле «${label}»: неизвестный код оператора или города «${code}» — ${FORMAT_HINT}`;
    return { problems: [{ rule: 'phone-code', message }] };
  }
  return { normalized: BELARUS_COUNTRY_CODE + national, problems };
}

/**
 * Pragmatic phone check (the format control of [4.4]). Belarusian numbers in any usual writing —
 * +375 29 123-45-67, 375291234567, 8 029 123 45 67, 8 (017) 123-45-67, 29 123-45-67 — must have a
 * known code (BELARUS_CODES); foreign numbers need a leading «+» and 8–15 digits. Separators:
 * spaces, hyphens, dots, brackets. Rules: `required`, `phone-format` (an invalid character, with
 * position), `phone-length`, `phone-code`.
 */
export function checkPhone(
  field: string,
  value: string | null | undefined,
  opts: PhoneOptions = {},
): ValidationIssue[] {
  const label = opts.label ?? 'Телефон';
  const raw = value ?? '';
  if (raw.trim() === '') return opts.required ? [requiredIssue(field, label)] : [];
  return analyse(raw, label).problems.map((problem) => ({ field, ...problem }));
}

/**
 * Storage form: digits only with the country code — «+375 29 123-45-67» and «8 029 1234567» both
 * give «375291234567»; a foreign «+7 495 123-45-67» gives «74951234567». Undefined when the value
 * does not pass `checkPhone` (blank included).
 */
export function normalizePhone(value: string): string | undefined {
  if (value.trim() === '') return undefined;
  return analyse(value, '').normalized;
}

/** Display form of a normalised Belarusian number: «375291234567» → «+375 29 123-45-67». */
export function formatPhone(digits: string): string {
  const match = /^375(\d{2})(\d{3})(\d{2})(\d{2})$/.exec(digits);
  if (!match) return /^\d+$/.test(digits) ? `+${digits}` : digits;
  return `+375 ${match[1]} ${match[2]}-${match[3]}-${match[4]}`;
}
