/** belt-wblock against STB 34.101.31 tables A.6 and A.7 (bee2 `test/crypto/belt_test.c`). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BELT_H, beltWblockDecrypt, beltWblockEncrypt, bytesToHex } from '../../../../shared/crypto';

const h = (offset: number, length: number): Uint8Array => BELT_H.slice(offset, offset + length);

describe('belt-wblock', () => {
  it('encrypts 48 bytes: table A.6 (bee2 "belt-wblock: тест A.6-1")', () => {
    expect(bytesToHex(beltWblockEncrypt(h(0, 48), h(128, 32)))).toBe(
      '49A38EE108D6C742E52B774F00A6EF98B106CBD13EA4FB0680323051BC04DF76E487B055C69BCF541176169F1DC9F6C8',
    );
  });

  it('encrypts 47 bytes (partial last block): table A.6 (bee2 "тест A.6-2")', () => {
    expect(bytesToHex(beltWblockEncrypt(h(0, 47), h(128, 32)))).toBe(
      'F08EF22DCAA06C81FB12721974221CA7AB82C62856FCF2F9FCA006E019A28F16E5821A51F573594625DBAB8F6A5C94',
    );
  });

  it('decrypts 48 bytes: table A.7 (bee2 "belt-wblock: тест A.7-1")', () => {
    expect(bytesToHex(beltWblockDecrypt(h(64, 48), h(160, 32)))).toBe(
      '92632EE0C21AD9E09A39343E5C07DAA4889B03F2E6847EB152EC99F7A4D9F154B5EF68D8E4A39E567153DE13D72254EE',
    );
  });

  it('decrypts 36 bytes (partial last block): table A.7 (bee2 "тест A.7-2")', () => {
    expect(bytesToHex(beltWblockDecrypt(h(64, 36), h(160, 32)))).toBe(
      'DF3F882230BAAFFC92F05660321172310E3CB2182681EF43102E67175E177BD75E93E4E8',
    );
  });

  it('decrypt inverts encrypt for lengths 32..128 (bee2 "belt-wblock: special")', () => {
    for (let length = 32; length <= 128; length++) {
      const x = h(0, length);
      expect(beltWblockDecrypt(beltWblockEncrypt(x, h(128, 32)), h(128, 32))).toEqual(x);
    }
  });

  it('decrypt inverts encrypt for random inputs', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 32, maxLength: 80 }),
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        (x, key) => {
          expect(beltWblockDecrypt(beltWblockEncrypt(x, key), key)).toEqual(x);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('rejects inputs shorter than 32 bytes', () => {
    expect(() => beltWblockEncrypt(new Uint8Array(31), h(128, 32))).toThrow(/at least 32/);
  });
});
