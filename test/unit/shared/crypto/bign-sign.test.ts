/**
 * bign keys and signatures against STB 34.101.45 appendix Г (table numbers as in bee2
 * `test/crypto/bign_test.c`, function `bignTest`: "тест Г.1", "Г.2", "Г.3", "Г.6", "Г.7"), with the
 * intermediate values (k, R, θ) published in draft-belt-bign-bake (bcrypto/belt-bign-bake,
 * "Test vectors for bign-sign / bign-vfy / bign-genk").
 */
import { describe, expect, it } from 'vitest';
import {
  BELT_H,
  BELT_HASH_OID,
  BELT_HASH_OID_DER,
  BeltHash,
  BIGN_CURVE256V1,
  beltHash,
  bignGenerateKeyPair,
  bignGeneratePrivateKey,
  bignGenK,
  bignPublicKey,
  bignSign,
  bignSignMessage,
  bignSignWithK,
  bignValidatePublicKey,
  bignVerify,
  bignVerifyMessage,
  bytesToHex,
  hexToBytes,
  multiplyBase,
  oidToDer,
} from '../../../../shared/crypto';
import { brngCtrX } from './brng-ctr';

const h = (offset: number, length: number): Uint8Array => BELT_H.slice(offset, offset + length);
const le = (bytes: Uint8Array): bigint => {
  let value = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) value = (value << 8n) | BigInt(bytes[i] ?? 0);
  return value;
};

// Table Г.1: the key pair
const D = '1F66B5B84B7339674533F0329C74F21834281FED0732429E0C79235FC273E269';
const Q =
  'BD1A5650179D79E03FCEE49D4C2BD5DDF54CE46D0CF11E4FF87BF7A890857FD0' +
  '7AC6A60361E8C8173491686D461B2826190C2EDA5909054A9AB84D2AB9D99A90';
const d = hexToBytes(D);
const publicKey = hexToBytes(Q);

// Table Г.2: X = BeltH(0, 13); Table Г.3: X = BeltH(0, 48)
const G2 = {
  hash: 'ABEF9725D4C5A83597A367D14494CC2542F20F659DDFECC961A3EC550CBA8C75',
  k: '4C0E74B2CD5811AD21F23DE7E0FA742C3ED6EC483C461CE15C33A77AA308B7D2',
  R: 'CCEEF1A313A406649D15DA0A851D486A695B641B20611776252FFDCE39C710607C9EA1F33C23D20DFCB8485A88BE6523A28ECC3215B47FA289D6C9BE1CE837C0',
  sig: 'E36B7F0377AE4C524027C387FADF1B20CE72F1530B71F2B5FD3A8C584FE2E1AED20082E30C8AF65011F4FB54649DFD3D',
};
const G3 = {
  hash: '9D02EE446FB6A29FE5C982D4B13AF9D3E90861BC4CEF27CF306BFB0B174A154A',
  // 4th output block of brng-ctr table Б.2 (STB 34.101.47) — the 3rd one is consumed by key transport Г.4
  k: '0A4E8298BE0839E46F19409F637F4415572251DD0D39284F0F0390D93BBCE9EC',
  R: '1D5A382B962D4ED06193258CA6DE535D8FD7FACB853171E932EF93B5EE80012003DBB7B5BD07036380BAFA47FCA7E6CA3F179EDDD1AE5086647909183628EDDC',
  sig: '47A63C8B9C936E94B5FAB3D9CBD78366290F3210E163EEC8DB4E921E8479D4138F112CC23E6DCE65EC5FF21DF4231C28',
};

/** k = (S1 + (S0 + 2^128)·d + H) mod q — how bee2 tests Г.6/Г.7 recover k from a signature. */
function recoverK(signature: Uint8Array, hash: Uint8Array): string {
  const { q } = BIGN_CURVE256V1;
  const k = (le(signature.subarray(16)) + (le(signature.subarray(0, 16)) + 2n ** 128n) * le(d) + le(hash)) % q;
  return k.toString(16).toUpperCase().padStart(64, '0').match(/../g)?.reverse().join('') ?? '';
}

describe('OID of belt-hash', () => {
  it('is DER-encoded in 11 bytes (bee2 bignTest: bignOidToDER(..., "1.2.112.0.2.0.34.101.31.81"), count == 11)', () => {
    expect(BELT_HASH_OID).toBe('1.2.112.0.2.0.34.101.31.81');
    expect(bytesToHex(BELT_HASH_OID_DER)).toBe('06092A7000020022651F51');
    expect(bytesToHex(oidToDer('1.2.112.0.2.0.34.101.45.3.1'))).toBe('060A2A7000020022652D0301');
    expect(bytesToHex(oidToDer('2.999.1'))).toBe('0603883701');
    expect(() => oidToDer('1.40')).toThrow();
    expect(() => oidToDer('x')).toThrow();
  });
});

describe('bign keys', () => {
  it('derives Q from d: table Г.1 (bee2 bignPubkeyCalc)', () => {
    expect(bytesToHex(bignPublicKey(d))).toBe(Q);
    expect(bignValidatePublicKey(publicKey)).toBe(true);
  });

  it('generates the table Г.1 key pair from the injected brng-ctr generator of the standard', () => {
    // bee2 bignTest: brngCTRXStart(beltH() + 128, beltH() + 128 + 64, beltH(), 8 * 32, state)
    const random = brngCtrX(h(128, 32), h(192, 32), h(0, 256));
    const pair = bignGenerateKeyPair(random);
    expect(bytesToHex(pair.privateKey)).toBe(D);
    expect(bytesToHex(pair.publicKey)).toBe(Q);
    // the same generator then yields the one-time keys of tables Г.2 and (after Г.4's) Г.3
    expect(bytesToHex(random(32))).toBe(G2.k);
    expect(bytesToHex(random(32))).toBe('0F51D91347617C20BD4AB07AEF4F26A1AD1362A8F9A3D42FBE1B8E6F1C88AAD5');
    expect(bytesToHex(random(32))).toBe(G3.k);
  });

  it('rejects out-of-range candidates like bee2 zzRandNZMod and fails on a broken source', () => {
    const candidates = [new Uint8Array(32), new Uint8Array(32).fill(0xff), d];
    expect(bytesToHex(bignGeneratePrivateKey(() => candidates.shift() ?? new Uint8Array(32)))).toBe(D);
    expect(() => bignGeneratePrivateKey(() => new Uint8Array(32))).toThrow(/out-of-range/);
    expect(() => bignGeneratePrivateKey(() => new Uint8Array(31))).toThrow(/wrong length/);
  });

  it('generates distinct valid key pairs from WebCrypto by default', () => {
    const a = bignGenerateKeyPair();
    const b = bignGenerateKeyPair();
    expect(a.privateKey).not.toEqual(b.privateKey);
    expect(bignPublicKey(a.privateKey)).toEqual(a.publicKey);
    expect(bignValidatePublicKey(a.publicKey)).toBe(true);
  });

  it('rejects invalid private keys and public keys', () => {
    expect(() => bignPublicKey(new Uint8Array(32))).toThrow(/out of range/);
    expect(() => bignPublicKey(hexToBytes('07663D2699BF5A7EFC4DFB0DD68E5CD9FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF'))).toThrow(
      /out of range/,
    ); // d = q
    expect(() => bignPublicKey(new Uint8Array(31))).toThrow(/32 bytes/);
    const bad = Uint8Array.from(publicKey);
    bad[0] = (bad[0] ?? 0) ^ 1;
    expect(bignValidatePublicKey(bad)).toBe(false);
  });
});

describe('bign-sign with a given k (bee2 bignSign)', () => {
  it('signs table Г.2: X = BeltH(0, 13)', () => {
    const hash = beltHash(h(0, 13));
    expect(bytesToHex(hash)).toBe(G2.hash);
    expect(bytesToHex(bignSignWithK(hash, d, hexToBytes(G2.k)))).toBe(G2.sig);
    // R = kG as printed in the draft
    const R = multiplyBase(le(hexToBytes(G2.k)));
    expect(R?.x).toBe(le(hexToBytes(G2.R).subarray(0, 32)));
    expect(R?.y).toBe(le(hexToBytes(G2.R).subarray(32)));
  });

  it('signs table Г.3: X = BeltH(0, 48)', () => {
    const hash = beltHash(h(0, 48));
    expect(bytesToHex(hash)).toBe(G3.hash);
    expect(bytesToHex(bignSignWithK(hash, d, hexToBytes(G3.k)))).toBe(G3.sig);
    const R = multiplyBase(le(hexToBytes(G3.k)));
    expect(R?.x).toBe(le(hexToBytes(G3.R).subarray(0, 32)));
    expect(R?.y).toBe(le(hexToBytes(G3.R).subarray(32)));
  });

  it('rejects k outside 1..q-1', () => {
    const hash = hexToBytes(G2.hash);
    expect(() => bignSignWithK(hash, d, new Uint8Array(32))).toThrow(/k out of range/);
    expect(() => bignSignWithK(hash, d, new Uint8Array(16))).toThrow(/32 bytes/);
    expect(() => bignSignWithK(hash.subarray(1), d, hexToBytes(G2.k))).toThrow(/32-byte belt-hash/);
  });
});

describe('bign-vfy (bee2 bignVerify)', () => {
  it('accepts the signatures of tables Г.2 and Г.3', () => {
    expect(bignVerify(hexToBytes(G2.hash), hexToBytes(G2.sig), publicKey)).toBe(true);
    expect(bignVerify(hexToBytes(G3.hash), hexToBytes(G3.sig), publicKey)).toBe(true);
    expect(bignVerifyMessage(h(0, 48), hexToBytes(G3.sig), publicKey)).toBe(true);
  });

  it('rejects tampering as bee2 bignTest does (sig[0] ^= 1; pubkey[0] ^= 1) and swapped messages', () => {
    const sig = hexToBytes(G2.sig);
    sig[0] = (sig[0] ?? 0) ^ 1;
    expect(bignVerify(hexToBytes(G2.hash), sig, publicKey)).toBe(false);
    const key = Uint8Array.from(publicKey);
    key[0] = (key[0] ?? 0) ^ 1;
    expect(bignVerify(hexToBytes(G2.hash), hexToBytes(G2.sig), key)).toBe(false);
    expect(bignVerify(hexToBytes(G3.hash), hexToBytes(G2.sig), publicKey)).toBe(false);
  });

  it('returns false (never throws) on malformed input and on S1 ≥ q', () => {
    const hash = hexToBytes(G2.hash);
    const sig = hexToBytes(G2.sig);
    expect(bignVerify(hash, sig.subarray(0, 47), publicKey)).toBe(false);
    expect(bignVerify(hash.subarray(0, 31), sig, publicKey)).toBe(false);
    expect(bignVerify(hash, sig, publicKey.subarray(0, 63))).toBe(false);
    const bigS1 = Uint8Array.from(sig);
    bigS1.fill(0xff, 16);
    expect(bignVerify(hash, bigS1, publicKey)).toBe(false);
  });
});

describe('deterministic bign-sign (bign-genk, STB 34.101.45 6.3.3; bee2 bignSign2)', () => {
  it('table Г.6: H = belt-hash(BeltH(0, 13)), t empty', () => {
    const hash = hexToBytes(G2.hash);
    // θ = belt-hash(OID ‖ d ‖ t), printed as K in the draft's bign-genk vectors
    expect(bytesToHex(new BeltHash().update(BELT_HASH_OID_DER).update(d).digest())).toBe(
      'D61E3A910550E3BCAD5BF4F526FB8DAADEA9C132E0BAEE03169DF4DF9BD6C20C',
    );
    const k = '829614D8411DBBC4E1F2471A4004586440FD8C9553FAB6A1A45CE417AE97111E';
    expect(bytesToHex(bignGenK(hash, d))).toBe(k);
    const signature = bignSign(hash, d);
    expect(recoverK(signature, hash)).toBe(k); // exactly bee2's check
    expect(bignVerify(hash, signature, publicKey)).toBe(true);
    expect(bignSignMessage(h(0, 13), d)).toEqual(signature);
  });

  it('table Г.7: H = belt-hash(BeltH(0, 48)), t = BeltH(192, 23)', () => {
    const hash = hexToBytes(G3.hash);
    const t = h(192, 23);
    expect(bytesToHex(new BeltHash().update(BELT_HASH_OID_DER).update(d).update(t).digest())).toBe(
      'AE44316332A85C3B9F6B31EEEADFF088D30FE507021AC86A3EC8E0874ED33648',
    );
    const k = '7ADC8713283EBFA547A2AD9CDFB245AE0F7B968DF0F91CB785D1F932A3583107';
    expect(bytesToHex(bignGenK(hash, d, t))).toBe(k);
    const signature = bignSign(hash, d, t);
    expect(recoverK(signature, hash)).toBe(k);
    expect(bignVerify(hash, signature, publicKey)).toBe(true);
  });
});
