/** Property tests for bign: sign → verify holds; any single flipped bit of H or S breaks it. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BIGN_CURVE256V1,
  bignPublicKey,
  bignSign,
  bignSignWithK,
  bignVerify,
  hexToBytes,
} from '../../../../shared/crypto';

const { q } = BIGN_CURVE256V1;

/** 32 random bytes mapped into 1..q-1, little-endian. */
const scalarBytes = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((raw) => {
  let value = 0n;
  for (let i = raw.length - 1; i >= 0; i--) value = (value << 8n) | BigInt(raw[i] ?? 0);
  value = (value % (q - 1n)) + 1n;
  const out = new Uint8Array(32);
  for (let i = 0; i < 32; i++) {
    out[i] = Number(value & 0xffn);
    value >>= 8n;
  }
  return out;
});
const hash32 = fc.uint8Array({ minLength: 32, maxLength: 32 });

function flipBit(bytes: Uint8Array, bit: number): Uint8Array {
  const out = Uint8Array.from(bytes);
  out[bit >> 3] = (out[bit >> 3] ?? 0) ^ (1 << (bit & 7));
  return out;
}

describe('bign sign/verify properties', () => {
  it('verifies its own deterministic signatures and rejects any flipped bit of H or S', () => {
    fc.assert(
      fc.property(scalarBytes, hash32, fc.nat(255), fc.nat(383), (privateKey, hash, hashBit, sigBit) => {
        const publicKey = bignPublicKey(privateKey);
        const signature = bignSign(hash, privateKey);
        expect(signature.length).toBe(48);
        expect(bignVerify(hash, signature, publicKey)).toBe(true);
        expect(bignVerify(flipBit(hash, hashBit), signature, publicKey)).toBe(false);
        expect(bignVerify(hash, flipBit(signature, sigBit), publicKey)).toBe(false);
      }),
      { numRuns: 40 },
    );
  });

  it('verifies signatures made with an arbitrary k', () => {
    fc.assert(
      fc.property(scalarBytes, scalarBytes, hash32, (privateKey, k, hash) => {
        expect(bignVerify(hash, bignSignWithK(hash, privateKey, k), bignPublicKey(privateKey))).toBe(true);
      }),
      { numRuns: 20 },
    );
  });

  it('rejects every single-bit flip of the table Г.2 signature and hash (exhaustive)', () => {
    const hash = hexToBytes('ABEF9725D4C5A83597A367D14494CC2542F20F659DDFECC961A3EC550CBA8C75');
    const signature = hexToBytes(
      'E36B7F0377AE4C524027C387FADF1B20CE72F1530B71F2B5FD3A8C584FE2E1AED20082E30C8AF65011F4FB54649DFD3D',
    );
    const publicKey = hexToBytes(
      'BD1A5650179D79E03FCEE49D4C2BD5DDF54CE46D0CF11E4FF87BF7A890857FD07AC6A60361E8C8173491686D461B2826190C2EDA5909054A9AB84D2AB9D99A90',
    );
    expect(bignVerify(hash, signature, publicKey)).toBe(true);
    for (let bit = 0; bit < 8 * signature.length; bit++) {
      expect(bignVerify(hash, flipBit(signature, bit), publicKey), `signature bit ${bit}`).toBe(false);
    }
    for (let bit = 0; bit < 8 * hash.length; bit++) {
      expect(bignVerify(flipBit(hash, bit), signature, publicKey), `hash bit ${bit}`).toBe(false);
    }
  });
});
