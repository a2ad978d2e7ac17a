/** At most this many offending characters are reported one by one per field, so messages stay readable. */
export const MAX_CHAR_ISSUES_PER_FIELD = 3;

/**
 * Code-point helpers shared by the character rules.
 *
 * Positions: every rule reports 1-based positions counted in Unicode code points, i.e. indices
 * into `Array.from(value)`. An emoji stored as a surrogate pair (😀) is one position, as the user
 * sees one character, and a string is never split inside a pair. Sequences that render as one
 * glyph but consist of several code points (flags, skin tones, ZWJ families, a letter plus a
 * combining mark) count one position per code point: that is stable across UI, services and JSON
 * import (no dependency on the ICU grapheme rules of a particular runtime), and the offending
 * invisible part (a joiner, a combining mark) gets its own position in the message.
 */
export function toCodePoints(value: string): string[] {
  return Array.from(value);
}

const CHAR_NAMES: ReadonlyMap<number, string> = new Map([
  [0x09, 'табуляция'],
  [0x0a, 'перевод строки'],
  [0x0d, 'возврат каретки'],
  [0x20, 'пробел'],
  [0xa0, 'неразрывный пробел'],
  [0xad, 'мягкий перенос'],
  [0x200b, 'пробел нулевой ширины'],
  [0x200c, 'разъединитель нулевой ширины'],
  [0x200d, 'соединитель нулевой ширины'],
  [0x2060, 'соединитель слов'],
  [0xfeff, 'невидимый знак BOM'],
]);

const INVISIBLE = /^[\p{C}\p{Z}\p{M}]$/u;

function genericName(ch: string): string {
  if (/^\p{Cc}$/u.test(ch)) return 'управляющий символ';
  if (/^\p{Cf}$/u.test(ch)) return 'невидимый символ форматирования';
  if (/^\p{Cs}$/u.test(ch)) return 'повреждённый символ';
  if (/^\p{Z}$/u.test(ch)) return 'особый пробел';
  if (/^\p{M}$/u.test(ch)) return 'комбинируемый знак';
  return 'невидимый символ';
}

/** `U+200B` style code of a character. */
export function codeOf(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** True for characters that cannot be shown meaningfully between «» (controls, spaces, marks). */
export function isInvisibleChar(ch: string): boolean {
  return INVISIBLE.test(ch);
}

/** True for C0/C1 control characters and DEL. */
export function isControlChar(ch: string): boolean {
  return /^\p{Cc}$/u.test(ch);
}

/**
 * How a character is named in a message: visible ones quoted («q», «😀»), invisible ones by code
 * and name (U+200B (пробел нулевой ширины)), so the clerk can find what they cannot see.
 */
export function describeChar(ch: string): string {
  if (!isInvisibleChar(ch)) return `«${ch}»`;
  const cp = ch.codePointAt(0) ?? 0;
  return `${codeOf(ch)} (${CHAR_NAMES.get(cp) ?? genericName(ch)})`;
}
