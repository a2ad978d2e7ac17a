import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCyrillicText, isAllowedTextChar, TEXT_ALPHABET } from '../../../../shared/validation';

const allowedChar = fc.constantFrom(...Array.from(TEXT_ALPHABET));
const allowedText = fc.array(allowedChar, { maxLength: 60 });

/** Disallowed characters that never combine with their neighbour (combining marks may). */
const disallowedChar = fc
  .oneof(
    fc.constantFrom('q', 'o', 'A', 'i', 'Z', '😀', '👍', '\u200b', '\u0000', '\u007f', '\t', '\n', '<', '$', '€'),
    fc.integer({ min: 0x21, max: 0x2ffff }).map((cp) => String.fromCodePoint(cp)),
  )
  .filter((ch) => !isAllowedTextChar(ch) && !/^\p{M}$/u.test(ch));

describe('checkCyrillicText properties', () => {
  it('any string made only of the allowed alphabet passes', () => {
    fc.assert(
      fc.property(allowedText, (chars) => {
        expect(checkCyrillicText('f', 'Поле', chars.join(''))).toEqual([]);
      }),
    );
  });

  it('one disallowed character inserted at p is reported at position p + 1', () => {
    fc.assert(
      fc.property(allowedText, disallowedChar, fc.nat(), (chars, bad, at) => {
        const p = at % (chars.length + 1);
        const value = [...chars.slice(0, p), bad, ...chars.slice(p)].join('');
        const issues = checkCyrillicText('f', 'Поле', value);
        expect(issues).toHaveLength(1);
        expect(issues[0]).toMatchObject({ char: bad, position: p + 1 });
        expect(['script', 'latin-lookalike']).toContain(issues[0]?.rule);
      }),
    );
  });

  it('the same holds in multiline mode for characters still not allowed there', () => {
    const multilineBad = disallowedChar.filter((ch) => !isAllowedTextChar(ch, true));
    const multilineText = fc.array(fc.constantFrom(...Array.from(TEXT_ALPHABET), '\n', '\r', '\t'), { maxLength: 60 });
    fc.assert(
      fc.property(multilineText, multilineBad, fc.nat(), (chars, bad, at) => {
        const p = at % (chars.length + 1);
        const value = [...chars.slice(0, p), bad, ...chars.slice(p)].join('');
        expect(checkCyrillicText('f', 'Поле', value, { multiline: true })).toMatchObject([{ position: p + 1 }]);
      }),
    );
  });
});
