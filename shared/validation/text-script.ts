import type { ValidationIssue } from '../errors';
import { isAllowedTextChar, isBlankText, isCyrillicLetter } from './alphabet';
import { describeChar, MAX_CHAR_ISSUES_PER_FIELD, toCodePoints } from './chars';
import { lookalikeContext } from './lookalikes';
import { pluralRu } from './plural';
import { requiredIssue } from './required';

export interface CyrillicTextOptions {
  /** Maximum length in code points (see chars.ts for how characters are counted). */
  maxLength?: number;
  /** Allow line feed, carriage return and tab (the content of the appeal). */
  multiline?: boolean;
  /** Blank (empty or whitespace only) is a `required` issue instead of being accepted. */
  required?: boolean;
}

const COMBINING_MARK = /^\p{M}$/u;

/**
 * A combining mark is accepted when it composes with the letter before it into an allowed letter:
 * text pasted from macOS or PDFs often carries «й» as «и» + U+0306, «ё» as «е» + U+0308.
 */
function composesIntoAllowedLetter(previous: string | undefined, mark: string): boolean {
  if (previous === undefined || !COMBINING_MARK.test(mark)) return false;
  return isCyrillicLetter(`${previous}${mark}`.normalize('NFC'));
}

/** 0-based indices of the characters the alphabet of [4.2] does not allow. */
function offendingIndices(cps: readonly string[], multiline: boolean): number[] {
  const result: number[] = [];
  cps.forEach((ch, i) => {
    if (isAllowedTextChar(ch, multiline) || composesIntoAllowedLetter(cps[i - 1], ch)) return;
    result.push(i);
  });
  return result;
}

function charIssue(field: string, label: string, cps: readonly string[], index: number): ValidationIssue {
  const char = cps[index] ?? '';
  const position = index + 1;
  const lookalike = lookalikeContext(cps, index);
  if (lookalike) {
    const belarusian = lookalike.language === 'belarusian';
    const where =
      lookalike.place === 'inside'
        ? `внутри ${belarusian ? 'белорусского' : 'русского'} слова`
        : `рядом с ${belarusian ? 'белорусским' : 'русским'} словом`;
    return {
      field,
      rule: 'latin-lookalike',
      message: `Поле «${label}»: латинская буква «${char}» в позиции ${position} ${where} — замените на кириллическую`,
      char,
      position,
    };
  }
  return {
    field,
    rule: 'script',
    message: `Поле «${label}»: недопустимый символ ${describeChar(char)} в позиции ${position} — допускаются только буквы русского и белорусского алфавитов`,
    char,
    position,
  };
}

/**
 * Fields restricted to Russian and Belarusian [4.2] ("Использование символов других раскладок в
 * фамилии, имени, отчестве заявителя, а также в адресе заявителя, содержании обращения и кратком
 * содержании обращения не допускается"). Allowed: the letters, digits, spaces and punctuation of
 * alphabet.ts. Rules: `required` (blank when `required`), `script` (any other character, named with
 * its 1-based code-point position), `latin-lookalike` (a Latin look-alike in or next to a Cyrillic
 * word), `too-long`. Only the first MAX_CHAR_ISSUES_PER_FIELD characters are reported one by one;
 * one more `script` issue without a position counts the rest. A blank value that is not required
 * yields no issues.
 */
export function checkCyrillicText(
  field: string,
  label: string,
  value: string | null | undefined,
  opts: CyrillicTextOptions = {},
): ValidationIssue[] {
  const multiline = opts.multiline ?? false;
  const cps = toCodePoints(value ?? '');
  if (isBlankText(cps, multiline)) return opts.required ? [requiredIssue(field, label)] : [];

  const issues: ValidationIssue[] = [];
  const offending = offendingIndices(cps, multiline);
  for (const index of offending.slice(0, MAX_CHAR_ISSUES_PER_FIELD)) {
    issues.push(charIssue(field, label, cps, index));
  }
  const rest = offending.length - MAX_CHAR_ISSUES_PER_FIELD;
  if (rest > 0) {
    const noun = pluralRu(rest, 'недопустимый символ', 'недопустимых символа', 'недопустимых символов');
    issues.push({ field, rule: 'script', message: `Поле «${label}»: и ещё ${rest} ${noun}` });
  }
  if (opts.maxLength !== undefined && cps.length > opts.maxLength) {
    const noun = pluralRu(cps.length, 'символ', 'символа', 'символов');
    issues.push({
      field,
      rule: 'too-long',
      message: `Поле «${label}» слишком длинное: ${cps.length} ${noun}, допускается не более ${opts.maxLength}`,
    });
  }
  return issues;
}

/**
 * Storage form of a restricted text: Unicode NFC (joins «и» + U+0306 into «й»), CR LF and lone CR
 * turned into LF, surrounding whitespace trimmed. Does not remove offending characters — the clerk
 * must see and fix them.
 */
export function normalizeCyrillicText(value: string): string {
  return value.normalize('NFC').replace(/\r\n?/g, '\n').trim();
}
