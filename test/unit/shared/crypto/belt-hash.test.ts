/** belt-compress and belt-hash against STB 34.101.31 tables A.8 and A.23 (bee2 `test/crypto/belt_test.c`). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BELT_H, BeltHash, beltCompress, beltHash, bytesToHex } from '../../../../shared/crypto';

const h = (offset: number, length: number): Uint8Array => BELT_H.slice(offset, offset + length);

describe('belt-compress', () => {
  it('matches table A.8 (bee2 "belt-compr: тест A.8"): X = BeltH(0, 64)', () => {
    const { s, y } = beltCompress(h(0, 64));
    expect(bytesToHex(s)).toBe('46FE7425C9B181EB41DFEE3E72163D5A');
    expect(bytesToHex(y)).toBe('ED2F5481D593F40D87FCE37D6BC1A2E1B7D1A2CC975C82D3C0497488C90D99D8');
  });
});

describe('belt-hash', () => {
  it('hashes 13 bytes: table A.23 (bee2 "belt-hash: тест A.23-1")', () => {
    expect(bytesToHex(beltHash(h(0, 13)))).toBe('ABEF9725D4C5A83597A367D14494CC2542F20F659DDFECC961A3EC550CBA8C75');
  });

  it('hashes 32 bytes: table A.23 (bee2 "тест A.23-2")', () => {
    expect(bytesToHex(beltHash(h(0, 32)))).toBe('749E4C3653AECE5E48DB4761227742EB6DBE13F4A80F7BEFF1A9CF8D10EE7786');
  });

  it('hashes 48 bytes incrementally, digesting midway: table A.23 (bee2 "тест A.23-3 [+ инкрементальность]")', () => {
    const state = new BeltHash().update(h(0, 11));
    state.digest(); // an intermediate digest must not disturb the state
    state.update(h(11, 48 - 11));
    const expected = '9D02EE446FB6A29FE5C982D4B13AF9D3E90861BC4CEF27CF306BFB0B174A154A';
    expect(bytesToHex(state.digest())).toBe(expected);
    expect(bytesToHex(beltHash(h(0, 48)))).toBe(expected);
  });

  it('gives the same digest however the input is split into update calls', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.array(fc.nat(200), { maxLength: 6 }), (data, cuts) => {
        const points = [...new Set(cuts.map((c) => c % (data.length + 1)))].sort((a, b) => a - b);
        const state = new BeltHash();
        let last = 0;
        for (const point of [...points, data.length]) {
          state.update(data.subarray(last, point));
          last = point;
        }
        expect(state.digest()).toEqual(beltHash(data));
      }),
      { numRuns: 200 },
    );
  });

  it('clone() forks the state', () => {
    const prefix = new BeltHash().update(h(0, 20));
    const fork = prefix.clone().update(h(20, 28));
    expect(fork.digest()).toEqual(beltHash(h(0, 48)));
    expect(prefix.digest()).toEqual(beltHash(h(0, 20)));
  });
});
