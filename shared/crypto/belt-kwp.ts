/**
 * belt-keywrap (belt-kwp, STB 34.101.31 section 7.5; bee2 `beltKWPWrap`/`beltKWPUnwrap`): a key X
 * (≥ 16 bytes) is wrapped with a 16-byte header I as Y = belt-wblock(X ‖ I, K). Unwrapping decrypts
 * and accepts only when the header comes back unchanged — a wrong key K is detected except with
 * probability 2^-128.
 */

import { beltWblockDecrypt, beltWblockEncrypt } from './belt-wblock';
import { bytesEqual, CryptoError, concatBytes } from './bytes';

export const BELT_KWP_HEADER_BYTES = 16;
const ZERO_HEADER = new Uint8Array(BELT_KWP_HEADER_BYTES);

/** Wraps `key` (≥ 16 bytes) under `kek` (16/24/32 bytes) with `header` (16 bytes, zeros by default). */
export function beltKwpWrap(key: Uint8Array, kek: Uint8Array, header: Uint8Array = ZERO_HEADER): Uint8Array {
  if (key.length < 16) throw new CryptoError(`belt-kwp: the wrapped key must be at least 16 bytes, got ${key.length}`);
  if (header.length !== BELT_KWP_HEADER_BYTES) throw new CryptoError('belt-kwp: the header must be 16 bytes');
  return beltWblockEncrypt(concatBytes(key, header), kek);
}

/**
 * Unwraps a token made by `beltKwpWrap`; returns `null` when the header does not match (a wrong `kek`
 * or a damaged token) instead of throwing, so callers can map it to "wrong password".
 */
export function beltKwpUnwrap(token: Uint8Array, kek: Uint8Array, header: Uint8Array = ZERO_HEADER): Uint8Array | null {
  if (token.length < 32) throw new CryptoError(`belt-kwp: a token is at least 32 bytes, got ${token.length}`);
  if (header.length !== BELT_KWP_HEADER_BYTES) throw new CryptoError('belt-kwp: the header must be 16 bytes');
  const plain = beltWblockDecrypt(token, kek);
  const keyLength = plain.length - BELT_KWP_HEADER_BYTES;
  if (!bytesEqual(plain.subarray(keyLength), header)) return null;
  return plain.slice(0, keyLength);
}
