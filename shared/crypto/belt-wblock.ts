/**
 * belt-wblock: wide-block encryption of STB 34.101.31, inputs of 32 bytes or more.
 * Used by bign's deterministic k generation (STB 34.101.45, 6.3.3). Follows bee2's
 * `beltWBLStepEBase`/`beltWBLStepDBase` (`src/crypto/belt/belt_wbl.c`).
 */

import { beltEncryptWords, beltKeyWords } from './belt-block';
import { byteAt, bytesToWords, CryptoError, wordsToBytes } from './bytes';

function checkInput(data: Uint8Array): void {
  if (data.length < 32) throw new CryptoError(`belt-wblock: input must be at least 32 bytes, got ${data.length}`);
}

/** belt-block(s, K) ⊕ <i>_128. */
function roundMask(s: Uint8Array, key: Int32Array, round: number): Uint8Array {
  const words = bytesToWords(s, 0, 4);
  beltEncryptWords(words, key);
  words[0] = (words[0] ?? 0) ^ round;
  return wordsToBytes(words);
}

function xorInto(target: Uint8Array, offset: number, mask: Uint8Array): void {
  for (let j = 0; j < mask.length; j++) target[offset + j] = byteAt(target, offset + j) ^ byteAt(mask, j);
}

/** belt-wblock encryption of `data` (≥ 32 bytes) under a 16/24/32-byte key. */
export function beltWblockEncrypt(data: Uint8Array, key: Uint8Array): Uint8Array {
  checkInput(data);
  const keyWords = beltKeyWords(key);
  const len = data.length;
  const n = Math.ceil(len / 16);
  let r = Uint8Array.from(data);
  for (let i = 1; i <= 2 * n; i++) {
    // s <- r1 ⊕ ... ⊕ r_{n-1} (the complete blocks before the last, possibly partial, one)
    const s = r.slice(0, 16);
    for (let off = 16; off + 16 < len; off += 16) xorInto(s, 0, r.subarray(off, off + 16));
    // r* <- r* ⊕ belt-block(s, K) ⊕ <i>_128, where r* is the last 16 bytes
    xorInto(r, len - 16, roundMask(s, keyWords, i));
    // r <- ShLo^128(r); r* <- s
    const next = new Uint8Array(len);
    next.set(r.subarray(16));
    next.set(s, len - 16);
    r = next;
  }
  return r;
}

/** belt-wblock decryption of `data` (≥ 32 bytes) under a 16/24/32-byte key. */
export function beltWblockDecrypt(data: Uint8Array, key: Uint8Array): Uint8Array {
  checkInput(data);
  const keyWords = beltKeyWords(key);
  const len = data.length;
  const n = Math.ceil(len / 16);
  let r = Uint8Array.from(data);
  for (let i = 2 * n; i >= 1; i--) {
    // s <- r*; r <- ShHi^128(r); r1 <- s
    const s = r.slice(len - 16);
    const next = new Uint8Array(len);
    next.set(r.subarray(0, len - 16), 16);
    next.set(s, 0);
    r = next;
    // r* <- r* ⊕ belt-block(s, K) ⊕ <i>_128
    xorInto(r, len - 16, roundMask(s, keyWords, i));
    // r1 <- r1 ⊕ r2 ⊕ ... ⊕ r_{n-1}
    for (let off = 16; off + 16 < len; off += 16) xorInto(r, 0, r.subarray(off, off + 16));
  }
  return r;
}
