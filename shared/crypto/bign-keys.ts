/**
 * bign keys on bign-curve256v1 (STB 34.101.45): private key d ∈ {1, ..., q − 1} as 32 little-endian
 * bytes, public key Q = dG as <x>_256 ‖ <y>_256 (64 bytes).
 */
import { BIGN_CURVE256V1, BIGN_SCALAR_BYTES, decodePoint, encodePoint, multiplyBase } from './bign-curve';
import { bigIntToBytesLE, bytesToBigIntLE, CryptoError } from './bytes';
import { defaultRandomBytes, type RandomBytes } from './random';

const { q } = BIGN_CURVE256V1;

/** bee2's B_PER_IMPOSSIBLE: with q ≈ 2^256 a rejection is itself a ~2^-128 event. */
const MAX_ATTEMPTS = 64;

export interface BignKeyPair {
  /** 32 bytes, little-endian d. */
  privateKey: Uint8Array;
  /** 64 bytes, <Q>. */
  publicKey: Uint8Array;
}

/** d as an integer; throws unless `privateKey` is 32 bytes encoding 0 < d < q. */
export function privateKeyToScalar(privateKey: Uint8Array): bigint {
  if (privateKey.length !== BIGN_SCALAR_BYTES) {
    throw new CryptoError(`bign private key: expected ${BIGN_SCALAR_BYTES} bytes, got ${privateKey.length}`);
  }
  const d = bytesToBigIntLE(privateKey);
  if (d === 0n || d >= q) throw new CryptoError('bign private key out of range (must be 0 < d < q)');
  return d;
}

/**
 * Uniform d ∈ {1, ..., q − 1} by rejection sampling 32-byte little-endian candidates, exactly as bee2's
 * `zzRandNZMod` draws them (so replaying a known generator reproduces STB 34.101.45 table Г.1).
 */
export function bignGeneratePrivateKey(random: RandomBytes = defaultRandomBytes): Uint8Array {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const candidate = random(BIGN_SCALAR_BYTES);
    if (candidate.length !== BIGN_SCALAR_BYTES) throw new CryptoError('random source returned a wrong length');
    const d = bytesToBigIntLE(candidate);
    if (d !== 0n && d < q) return bigIntToBytesLE(d, BIGN_SCALAR_BYTES);
  }
  throw new CryptoError('random source keeps producing out-of-range private keys');
}

/** Q = dG for a 32-byte private key; returns the 64-byte public key. */
export function bignPublicKey(privateKey: Uint8Array): Uint8Array {
  const point = multiplyBase(privateKeyToScalar(privateKey));
  if (point === null) throw new CryptoError('bign: dG is the point at infinity'); // impossible for 0 < d < q
  return encodePoint(point);
}

/** bign-genkeypair: a fresh key pair from `random` (WebCrypto by default). */
export function bignGenerateKeyPair(random: RandomBytes = defaultRandomBytes): BignKeyPair {
  const privateKey = bignGeneratePrivateKey(random);
  return { privateKey, publicKey: bignPublicKey(privateKey) };
}

/** bign-valpubkey: 64 bytes, both coordinates < p, point on the curve. */
export function bignValidatePublicKey(publicKey: Uint8Array): boolean {
  return decodePoint(publicKey) !== null;
}
