/** bign-curve256v1 parameters (STB 34.101.45 table Б.1) and point arithmetic. */
import { describe, expect, it } from 'vitest';
import {
  BIGN_CURVE256V1,
  BIGN_G,
  beltHash,
  bytesToHex,
  concatBytes,
  decodePoint,
  encodePoint,
  hexToBytes,
  isOnCurve,
  multiplyBase,
  multiplyPoint,
} from '../../../../shared/crypto';

const { p, a, b, q, yG, seed } = BIGN_CURVE256V1;

function le(value: bigint): Uint8Array {
  const out = new Uint8Array(32);
  let rest = value;
  for (let i = 0; i < 32; i++) {
    out[i] = Number(rest & 0xffn);
    rest >>= 8n;
  }
  return out;
}

function powMod(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let x = base % modulus;
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * x) % modulus;
    x = (x * x) % modulus;
  }
  return result;
}

describe('bign-curve256v1 (STB 34.101.45 table Б.1, bee2 bign_params.c "_curve128v1")', () => {
  it('has the published parameters', () => {
    expect(BIGN_CURVE256V1.oid).toBe('1.2.112.0.2.0.34.101.45.3.1');
    expect(bytesToHex(le(p))).toBe('43FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF');
    expect(bytesToHex(le(a))).toBe('40FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF');
    expect(bytesToHex(le(b))).toBe('F1039CD66B7D2EB253928B976950F54CBEFBD8E4AB3AC1D2EDA8F315156CCE77');
    expect(bytesToHex(le(q))).toBe('07663D2699BF5A7EFC4DFB0DD68E5CD9FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF');
    expect(bytesToHex(le(yG))).toBe('936A510418CF291E52F608C4663991785D83D651A3C9E45C9FD616FB3CFCF76B');
    expect(bytesToHex(seed)).toBe('5E38010000000000');
  });

  it('satisfies the bign-curves requirements that are cheap to check', () => {
    expect(p).toBe(2n ** 256n - 189n);
    expect(p % 4n).toBe(3n);
    // b = [belt-hash(<p> ‖ <a> ‖ seed) ‖ belt-hash(<p> ‖ <a> ‖ seed + 1)] mod p (bee2 bignParamsVal)
    const seedPlusOne = Uint8Array.from(seed);
    seedPlusOne[0] = (seedPlusOne[0] ?? 0) + 1; // no carry: seed[0] = 0x5E
    const wide = concatBytes(
      beltHash(concatBytes(le(p), le(a), seed)),
      beltHash(concatBytes(le(p), le(a), seedPlusOne)),
    );
    let bFromSeed = 0n;
    for (let i = wide.length - 1; i >= 0; i--) bFromSeed = (bFromSeed << 8n) | BigInt(wide[i] ?? 0);
    expect(bFromSeed % p).toBe(b);
    // y_G = b^{(p+1)/4} mod p, G on the curve, qG = O
    expect(powMod(b, (p + 1n) / 4n, p)).toBe(yG);
    expect(isOnCurve(BIGN_G)).toBe(true);
    expect(multiplyBase(q)).toBeNull();
    expect(multiplyPoint(q, BIGN_G)).toBeNull();
  });

  it('agrees between the base-point and generic multiplications', () => {
    const k1 = 0x1234567890abcdef1234567890abcdefn;
    const k2 = q - 12345n;
    const p1 = multiplyBase(k1);
    expect(p1).toEqual(multiplyPoint(k1, BIGN_G));
    // k2·(k1·G) = (k1·k2 mod q)·G
    expect(multiplyPoint(k2, p1)).toEqual(multiplyBase((k1 * k2) % q));
    expect(multiplyBase(1n)).toEqual(BIGN_G);
    expect(multiplyBase(q - 1n)).toEqual({ x: 0n, y: p - yG });
  });

  it('encodes and decodes points, rejecting points off the curve or out of range', () => {
    const pt = multiplyBase(7n);
    if (pt === null) throw new Error('unexpected infinity');
    const encoded = encodePoint(pt);
    expect(encoded.length).toBe(64);
    expect(decodePoint(encoded)).toEqual(pt);
    const tampered = Uint8Array.from(encoded);
    tampered[0] = (tampered[0] ?? 0) ^ 1;
    expect(decodePoint(tampered)).toBeNull();
    expect(decodePoint(hexToBytes('FF'.repeat(64)))).toBeNull();
    expect(decodePoint(encoded.subarray(0, 63))).toBeNull();
  });
});
