/**
 * The alphabet of the fields the regulation restricts to Russian and Belarusian [4.2]: the
 * applicant's surname, name, patronymic and address, the content and the summary. "Использование
 * символов других раскладок … не допускается" — so everything outside this set is an error.
 */

/** Russian letters, including Ё ё. */
export const RUSSIAN_LETTERS = 'АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюя';

/** Belarusian letters missing from Russian (the rest of the Belarusian alphabet is shared). */
export const BELARUSIAN_EXTRA_LETTERS = 'ІіЎў';

export const CYRILLIC_LETTERS = RUSSIAN_LETTERS + BELARUSIAN_EXTRA_LETTERS;

export const DIGITS = '0123456789';

/**
 * Apostrophes, part of Belarusian spelling (Мар’іна Горка): ' U+0027 and ’ U+2019 named by the
 * domain notes, plus ʼ U+02BC, which some Belarusian/Ukrainian keyboard layouts type and which
 * looks identical — rejecting it would be an error the clerk cannot see.
 */
export const APOSTROPHES = "'\u2019\u02bc";

/**
 * Spaces: the ordinary space, the no-break space U+00A0 and the narrow no-break space U+202F
 * (word processors insert them in «д. 5», «1 000»; they look like a space).
 */
export const SPACES = ' \u00a0\u202f';

/**
 * Punctuation and signs found in addresses and letters:
 * . , ; : ! ? hyphens - ‐ ‑, dashes – —, brackets ( ) [ ], quotes « » „ “ ” ", / № % + = * @ # & _,
 * ellipsis …, degree °, section §. Deliberately absent: < > { } | \ ^ ~ ` $ and currency signs —
 * none is needed to write a Russian or Belarusian text, and several come from markup or code.
 */
export const PUNCTUATION = '.,;:!?-\u2010\u2011\u2013\u2014()[]«»"\u201e\u201c\u201d/№%+=*@#&_\u2026°§';

/** Extra whitespace allowed only in multiline fields (content): line feed, carriage return, tab. */
export const MULTILINE_WHITESPACE = '\n\r\t';

/** Every character allowed in a single-line restricted field. */
export const TEXT_ALPHABET = CYRILLIC_LETTERS + DIGITS + APOSTROPHES + SPACES + PUNCTUATION;

const SINGLE_LINE = new Set(TEXT_ALPHABET);
const BLANK_SINGLE = new Set(SPACES);
const BLANK_MULTI = new Set(SPACES + MULTILINE_WHITESPACE);
const CYRILLIC = new Set(CYRILLIC_LETTERS);

export function isAllowedTextChar(ch: string, multiline = false): boolean {
  return SINGLE_LINE.has(ch) || (multiline && MULTILINE_WHITESPACE.includes(ch));
}

/** A letter of the Russian or Belarusian alphabet. */
export function isCyrillicLetter(ch: string): boolean {
  return CYRILLIC.has(ch);
}

/** True when the value has nothing but allowed whitespace (or nothing at all). */
export function isBlankText(codePoints: readonly string[], multiline = false): boolean {
  const blank = multiline ? BLANK_MULTI : BLANK_SINGLE;
  return codePoints.every((ch) => blank.has(ch));
}
