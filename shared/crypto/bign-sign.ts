/**
 * bign digital signature on bign-curve256v1 with belt-hash (STB 34.101.45).
 * Signature S = S0 ‖ S1 (48 bytes): S0 = Lo(belt-hash(OID(h) ‖ <R>_256 ‖ H), 128), R = kG,
 * S1 = <(k − H − (S0 + 2^128)·d) mod q>_256. OID(h) is the DER of belt-hash's OID 1.2.112.0.2.0.34.101.31.81.
 */

import { BeltHash, beltHash } from './belt-hash';
import { beltWblockEncrypt } from './belt-wblock';
import { BIGN_CURVE256V1, BIGN_SCALAR_BYTES, decodePoint, multiplyBase, multiplyBaseAdd } from './bign-curve';
import { privateKeyToScalar } from './bign-keys';
import { bigIntToBytesLE, bytesEqual, bytesToBigIntLE, CryptoError } from './bytes';
import { BELT_HASH_OID_DER } from './oid';

const { q } = BIGN_CURVE256V1;

/** Length of the belt-hash value H that is signed. */
export const BIGN_HASH_BYTES = 32;
/** Length of a signature S0 ‖ S1 (3l bits for l = 128). */
export const BIGN_SIGNATURE_BYTES = 48;
/** Length of S0 (l bits). */
const S0_BYTES = 16;
const TWO_POW_L = 1n << 128n;

function checkHash(hash: Uint8Array): void {
  if (hash.length !== BIGN_HASH_BYTES) {
    throw new CryptoError(`bign: expected a ${BIGN_HASH_BYTES}-byte belt-hash value, got ${hash.length} bytes`);
  }
}

function mod(x: bigint, m: bigint): bigint {
  const r = x % m;
  return r < 0n ? r + m : r;
}

/** Lo(belt-hash(OID ‖ <x_R>_256 ‖ H), 128). */
function challenge(xR: bigint, hash: Uint8Array): Uint8Array {
  const digest = new BeltHash()
    .update(BELT_HASH_OID_DER)
    .update(bigIntToBytesLE(xR, BIGN_SCALAR_BYTES))
    .update(hash)
    .digest();
  return digest.slice(0, S0_BYTES);
}

/**
 * bign-genk (STB 34.101.45, 6.3.3; bee2 `bignSign2`): the deterministic one-time key.
 * θ = belt-hash(OID ‖ <d>_256 ‖ t); r = H; repeat r ← belt-wblock(r, θ) until 0 < [r] < q.
 * `t` is optional extra data (empty by default). Returns k as 32 little-endian bytes.
 */
export function bignGenK(hash: Uint8Array, privateKey: Uint8Array, t: Uint8Array = new Uint8Array(0)): Uint8Array {
  checkHash(hash);
  privateKeyToScalar(privateKey);
  const theta = new BeltHash().update(BELT_HASH_OID_DER).update(privateKey).update(t).digest();
  let r = hash;
  for (;;) {
    r = beltWblockEncrypt(r, theta);
    const k = bytesToBigIntLE(r);
    if (k !== 0n && k < q) return r;
  }
}

/**
 * bign-sign with an explicitly given one-time key k (32 little-endian bytes, 0 < k < q) — bee2's
 * `bignSign` with its generator replaced by k. For test vectors only: a repeated or leaked k reveals d.
 */
export function bignSignWithK(hash: Uint8Array, privateKey: Uint8Array, k: Uint8Array): Uint8Array {
  checkHash(hash);
  const d = privateKeyToScalar(privateKey);
  if (k.length !== BIGN_SCALAR_BYTES) throw new CryptoError(`bign: k must be ${BIGN_SCALAR_BYTES} bytes`);
  const kValue = bytesToBigIntLE(k);
  if (kValue === 0n || kValue >= q) throw new CryptoError('bign: k out of range (must be 0 < k < q)');
  const R = multiplyBase(kValue);
  if (R === null) throw new CryptoError('bign: kG is the point at infinity'); // impossible for 0 < k < q
  const s0 = challenge(R.x, hash);
  const s1 = mod(kValue - bytesToBigIntLE(hash) - (bytesToBigIntLE(s0) + TWO_POW_L) * d, q);
  const signature = new Uint8Array(BIGN_SIGNATURE_BYTES);
  signature.set(s0);
  signature.set(bigIntToBytesLE(s1, BIGN_SCALAR_BYTES), S0_BYTES);
  return signature;
}

/**
 * Deterministic bign-sign (STB 34.101.45, k from bign-genk; bee2 `bignSign2`) of a 32-byte
 * belt-hash value. `t` is the optional extra data of bign-genk.
 */
export function bignSign(hash: Uint8Array, privateKey: Uint8Array, t?: Uint8Array): Uint8Array {
  return bignSignWithK(hash, privateKey, bignGenK(hash, privateKey, t));
}

/**
 * bign-vfy (STB 34.101.45; bee2 `bignVerify`) of a signature over a 32-byte belt-hash value.
 * Never throws: malformed lengths, an invalid public key or S1 ≥ q all yield false.
 */
export function bignVerify(hash: Uint8Array, signature: Uint8Array, publicKey: Uint8Array): boolean {
  if (hash.length !== BIGN_HASH_BYTES || signature.length !== BIGN_SIGNATURE_BYTES) return false;
  const Q = decodePoint(publicKey);
  if (Q === null) return false;
  const s0 = signature.subarray(0, S0_BYTES);
  const s1 = bytesToBigIntLE(signature.subarray(S0_BYTES));
  if (s1 >= q) return false;
  // R = ((S1 + H) mod q)·G + (S0 + 2^l)·Q
  const R = multiplyBaseAdd(mod(s1 + bytesToBigIntLE(hash), q), bytesToBigIntLE(s0) + TWO_POW_L, Q);
  if (R === null) return false;
  return bytesEqual(challenge(R.x, hash), s0);
}

/** belt-hash the message, then sign deterministically. */
export function bignSignMessage(message: Uint8Array, privateKey: Uint8Array): Uint8Array {
  return bignSign(beltHash(message), privateKey);
}

/** belt-hash the message, then verify. */
export function bignVerifyMessage(message: Uint8Array, signature: Uint8Array, publicKey: Uint8Array): boolean {
  return bignVerify(beltHash(message), signature, publicKey);
}
