/**
 * belt-compress: the compression function σ of STB 34.101.31, on 32-bit words.
 * For X = X1‖X2‖X3‖X4 (four 128-bit blocks):
 *   S  = belt-block(X3 ⊕ X4, X1‖X2) ⊕ X3 ⊕ X4,
 *   Y1 = belt-block(X1, S‖X4) ⊕ X1,
 *   Y2 = belt-block(X2, ~S‖X3) ⊕ X2,   σ1(X) = S, σ2(X) = Y1‖Y2.
 * As in bee2 `beltCompr2`, the message half X1‖X2 and the chaining half X3‖X4 = h are separate.
 */

import { beltEncryptWords } from './belt-block';
import { assertLength, bytesToWords, wordsToBytes } from './bytes';

/** Module-private accessor for the hot path (see the note on `at` in belt-block.ts). */
function at(words: Int32Array, index: number): number {
  return words[index] ?? 0;
}

/** Scratch buffers reused across calls (the functions are synchronous and not re-entrant). */
const sBlock = new Int32Array(4);
const x34 = new Int32Array(4);
const key1 = new Int32Array(8);
const key2 = new Int32Array(8);
const y1 = new Int32Array(4);
const y2 = new Int32Array(4);

/**
 * h ← σ2(x ‖ h) in place; if `s` is given, s ← s ⊕ σ1(x ‖ h) (the belt-hash checksum).
 * `x` is 8 words (X1‖X2), `h` is 8 words (X3‖X4), `s` is 4 words.
 */
export function beltCompressWords(h: Int32Array, x: Int32Array, s?: Int32Array): void {
  // S = F(X3 ⊕ X4; X1‖X2) ⊕ X3 ⊕ X4
  for (let j = 0; j < 4; j++) {
    x34[j] = at(h, j) ^ at(h, 4 + j);
    sBlock[j] = at(x34, j);
  }
  beltEncryptWords(sBlock, x);
  for (let j = 0; j < 4; j++) sBlock[j] = at(sBlock, j) ^ at(x34, j);
  if (s) for (let j = 0; j < 4; j++) s[j] = at(s, j) ^ at(sBlock, j);
  // key1 = S ‖ X4, key2 = ~S ‖ X3
  for (let j = 0; j < 4; j++) {
    key1[j] = at(sBlock, j);
    key1[4 + j] = at(h, 4 + j);
    key2[j] = ~at(sBlock, j);
    key2[4 + j] = at(h, j);
  }
  for (let j = 0; j < 4; j++) {
    y1[j] = at(x, j);
    y2[j] = at(x, 4 + j);
  }
  beltEncryptWords(y1, key1);
  beltEncryptWords(y2, key2);
  for (let j = 0; j < 4; j++) {
    h[j] = at(y1, j) ^ at(x, j);
    h[4 + j] = at(y2, j) ^ at(x, 4 + j);
  }
}

/** belt-compress on a 64-byte input X: returns S = σ1(X) (16 bytes) and Y = σ2(X) (32 bytes). */
export function beltCompress(input: Uint8Array): { s: Uint8Array; y: Uint8Array } {
  assertLength(input, 'belt-compress input', 64);
  const x = bytesToWords(input, 0, 8);
  const h = bytesToWords(input, 32, 8);
  const s = new Int32Array(4);
  beltCompressWords(h, x, s);
  return { s: wordsToBytes(s), y: wordsToBytes(h) };
}
