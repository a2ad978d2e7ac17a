import { APOSTROPHES } from './alphabet';

/**
 * Latin letters that look like Cyrillic ones, with the Cyrillic letter the clerk most likely meant.
 * A Latin «о» inside «Иванов» is invisible on screen but breaks search and the central system's
 * own check [4.2], so it gets its own rule and message.
 */
export const LATIN_LOOKALIKES: ReadonlyMap<string, string> = new Map([
  ['a', 'а'],
  ['c', 'с'],
  ['e', 'е'],
  ['o', 'о'],
  ['p', 'р'],
  ['x', 'х'],
  ['y', 'у'],
  ['i', 'і'],
  ['A', 'А'],
  ['B', 'В'],
  ['C', 'С'],
  ['E', 'Е'],
  ['H', 'Н'],
  ['K', 'К'],
  ['M', 'М'],
  ['O', 'О'],
  ['P', 'Р'],
  ['T', 'Т'],
  ['X', 'Х'],
  ['I', 'І'],
]);

export type LookalikePlace = 'inside' | 'next-to';

export interface LookalikeContext {
  place: LookalikePlace;
  /** Which alphabet the surrounding word belongs to, for the message. */
  language: 'russian' | 'belarusian';
}

const LETTER = /^[\p{L}\p{M}]$/u;
const CYRILLIC_SCRIPT = /\p{Script=Cyrillic}/u;
const BELARUSIAN_MARKERS = /[ІіЎў]/u;

function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && LETTER.test(ch);
}

/** Letters, combining marks, and apostrophes between letters (Мар’іна is one word). */
function isWordChar(cps: readonly string[], i: number): boolean {
  const ch = cps[i];
  if (isLetter(ch)) return true;
  return ch !== undefined && APOSTROPHES.includes(ch) && isLetter(cps[i - 1]) && isLetter(cps[i + 1]);
}

interface Span {
  start: number;
  end: number;
}

function wordAt(cps: readonly string[], i: number): Span {
  let start = i;
  let end = i + 1;
  while (start > 0 && isWordChar(cps, start - 1)) start--;
  while (end < cps.length && isWordChar(cps, end)) end++;
  return { start, end };
}

function neighbour(cps: readonly string[], span: Span, direction: -1 | 1): Span | undefined {
  let i = direction < 0 ? span.start - 1 : span.end;
  while (i >= 0 && i < cps.length && !isWordChar(cps, i)) i += direction;
  return i >= 0 && i < cps.length ? wordAt(cps, i) : undefined;
}

function text(cps: readonly string[], span: Span): string {
  return cps.slice(span.start, span.end).join('');
}

function isAllLookalikes(word: string): boolean {
  return Array.from(word).every((ch) => LATIN_LOOKALIKES.has(ch));
}

/**
 * Whether the Latin letter at `index` is a look-alike typed in place of a Cyrillic one: it is a
 * look-alike and either its word contains Cyrillic letters ("Ивaнов", "Coветская"), or its word is
 * made only of look-alikes and the nearest word on either side is Cyrillic ("c Ивановым",
 * "OOO «Ромашка»", "кв. 5A"). Returns undefined otherwise (a plain foreign letter).
 */
export function lookalikeContext(cps: readonly string[], index: number): LookalikeContext | undefined {
  const ch = cps[index];
  if (ch === undefined || !LATIN_LOOKALIKES.has(ch)) return undefined;
  const own = wordAt(cps, index);
  const ownText = text(cps, own);
  let place: LookalikePlace | undefined;
  let context = ownText;
  if (CYRILLIC_SCRIPT.test(ownText)) {
    place = 'inside';
  } else if (isAllLookalikes(ownText)) {
    for (const side of [neighbour(cps, own, -1), neighbour(cps, own, 1)]) {
      const sideText = side ? text(cps, side) : '';
      if (CYRILLIC_SCRIPT.test(sideText)) {
        place = 'next-to';
        context = sideText;
        break;
      }
    }
  }
  if (!place) return undefined;
  const belarusian = BELARUSIAN_MARKERS.test(context) || ch === 'i' || ch === 'I';
  return { place, language: belarusian ? 'belarusian' : 'russian' };
}
