/**
 * hmac-hbelt (STB 34.101.47 table Б.1), PBKDF2 over hmac-hbelt (STB 34.101.45 test E.5) and belt-kwp
 * (STB 34.101.31 tables A.21, A.22) — the vectors of bee2 `test/crypto/belt_test.c` and `cmd/core`.
 */
import { describe, expect, it } from 'vitest';
import {
  BELT_H,
  BeltHmac,
  beltHmac,
  beltKwpUnwrap,
  beltKwpWrap,
  beltPbkdf2,
  bytesToHex,
  hexToBytes,
} from '../../../../shared/crypto';

const h = (offset: number, length: number): Uint8Array => BELT_H.slice(offset, offset + length);

describe('hmac-hbelt', () => {
  it('29-byte key: table Б.1-1', () => {
    expect(bytesToHex(beltHmac(h(128, 29), h(192, 32)))).toBe(
      'D4828E6312B08BB83C9FA6535A4635549E411FD11C0D8289359A1130E930676B',
    );
  });

  it('32-byte key: table Б.1-2', () => {
    expect(bytesToHex(beltHmac(h(128, 32), h(192, 32)))).toBe(
      '41FFE8645AEC0612E952D2CDF8DD508F3E4A1D9B53F6A1DB293B19FE76B1879F',
    );
  });

  it('42-byte key (hashed first): table Б.1-3', () => {
    expect(bytesToHex(beltHmac(h(128, 42), h(192, 32)))).toBe(
      '7D01B84D2315C332277B3653D7EC64707EBA7CDFF7FF70077B1DECBD68F2A144',
    );
  });

  it('a keyed instance gives the same value for repeated messages', () => {
    const keyed = new BeltHmac(h(128, 32));
    expect(keyed.mac(h(192, 32))).toEqual(keyed.mac(h(192, 32)));
    expect(keyed.mac(h(192, 32))).toEqual(beltHmac(h(128, 32), h(192, 32)));
  });
});

describe('belt-pbkdf2', () => {
  it('password "B194BAC80A08F53B", 10 000 iterations, salt H[192..200): test E.5', () => {
    const password = new TextEncoder().encode('B194BAC80A08F53B');
    expect(bytesToHex(beltPbkdf2(password, h(192, 8), 10_000))).toBe(
      '3D331BBBB1FBBB40E4BF22F6CB9A689EF13A77DC09ECF93291BFE42439A72E7D',
    );
  });

  it('rejects a non-positive iteration count', () => {
    expect(() => beltPbkdf2(new Uint8Array(1), new Uint8Array(8), 0)).toThrow(/iteration/);
  });
});

describe('belt-kwp', () => {
  it('wraps X = H[0..32) with I = H[32..48) under H[128..160): table A.21', () => {
    expect(bytesToHex(beltKwpWrap(h(0, 32), h(128, 32), h(32, 16)))).toBe(
      '49A38EE108D6C742E52B774F00A6EF98B106CBD13EA4FB0680323051BC04DF76E487B055C69BCF541176169F1DC9F6C8',
    );
  });

  it('unwraps H[64..112) under H[160..192): table A.22', () => {
    const expectedHeader = hexToBytes('B5EF68D8E4A39E567153DE13D72254EE');
    const key = beltKwpUnwrap(h(64, 48), h(160, 32), expectedHeader);
    expect(key && bytesToHex(key)).toBe('92632EE0C21AD9E09A39343E5C07DAA4889B03F2E6847EB152EC99F7A4D9F154');
  });

  it('returns null under a wrong key-encryption key', () => {
    const token = beltKwpWrap(h(0, 32), h(128, 32));
    expect(beltKwpUnwrap(token, h(128, 32))).toEqual(h(0, 32));
    expect(beltKwpUnwrap(token, h(160, 32))).toBeNull();
  });
});
