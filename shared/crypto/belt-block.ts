/**
 * belt-block: the 128-bit block cipher of STB 34.101.31, 256-bit key.
 * Word-level core follows bee2 `src/crypto/belt/belt_block.c`; byte I/O is little-endian.
 */
import { assertLength, byteAt, bytesToWords, CryptoError, hexToBytes, wordsToBytes, writeU32LE } from './bytes';

/** The S-box H of STB 34.101.31 (table 1). Its first 32 bytes are also the belt-hash IV. */
export const BELT_H: Uint8Array = hexToBytes(
  [
    'B194BAC80A08F53B366D008E584A5DE4',
    '8504FA9D1BB6C7AC252E72C202FDCE0D',
    '5BE3D61217B96181FE6786AD716B890B',
    '5CB0C0FF33C356B835C405AED8E07F99',
    'E12BDC1AE28257EC703FCCF095EE8DF1',
    'C1AB76389FE678CAF7C6F860D5BB9C4F',
    'F33C657B637C306ADD4EA7799EB23D31',
    '3E98B56E27D3BCCF591E181F4C5AB793',
    'E9DEE72C8F0C0FA62DDB49F46F739647',
    '06075316ED247A3739CBA38303A98BF6',
    '92BD9B1CE5D141015445FBC95E4D0EF2',
    '682080AA227D642F2687F93490405511',
    'BE32971343FC9A48A02A885F194B09A1',
    '7ECDA4D01544AF8CA58450BF66D2E88A',
    'A2D7465242A8DFB36974C551EB232921',
    'D4EFD9B43A622875911410EA776CDA1D',
  ].join(''),
);

function rotatedTable(rotation: number): Int32Array {
  const table = new Int32Array(256);
  for (let x = 0; x < 256; x++) {
    const h = byteAt(BELT_H, x);
    table[x] = (h << rotation) | (h >>> (32 - rotation));
  }
  return table;
}

/**
 * Local accessor for the hot loops (kept module-private: a shared helper called with several array
 * kinds gets polymorphic feedback in V8 and made belt-block ~15× slower).
 */
function at(words: Int32Array, index: number): number {
  return words[index] ?? 0;
}

// H_r[x] = RotHi(H[x], r): G_r(u) is the XOR of four table lookups (bee2's extended H-blocks).
const H5 = rotatedTable(5);
const H13 = rotatedTable(13);
const H21 = rotatedTable(21);
const H29 = rotatedTable(29);

function g5(u: number): number {
  return at(H5, u & 255) ^ at(H13, (u >>> 8) & 255) ^ at(H21, (u >>> 16) & 255) ^ at(H29, u >>> 24);
}
function g13(u: number): number {
  return at(H13, u & 255) ^ at(H21, (u >>> 8) & 255) ^ at(H29, (u >>> 16) & 255) ^ at(H5, u >>> 24);
}
function g21(u: number): number {
  return at(H21, u & 255) ^ at(H29, (u >>> 8) & 255) ^ at(H5, (u >>> 16) & 255) ^ at(H13, u >>> 24);
}

/** belt-keyexpand: a 16-, 24- or 32-byte key to the 32-byte key of belt-block. */
export function beltKeyExpand(key: Uint8Array): Uint8Array {
  assertLength(key, 'belt key', 16, 24, 32);
  const out = new Uint8Array(32);
  out.set(key);
  if (key.length === 16) {
    out.set(key, 16);
  } else if (key.length === 24) {
    // θ7 = θ1 ⊕ θ2 ⊕ θ3, θ8 = θ4 ⊕ θ5 ⊕ θ6 (32-bit words, as bee2 beltKeyExpand2)
    const theta = bytesToWords(key, 0, 6);
    writeU32LE(out, 24, at(theta, 0) ^ at(theta, 1) ^ at(theta, 2));
    writeU32LE(out, 28, at(theta, 3) ^ at(theta, 4) ^ at(theta, 5));
  }
  return out;
}

/** The key as eight little-endian words θ1..θ8 (signed Int32Array: keeps V8 on int32 arithmetic). */
export function beltKeyWords(key: Uint8Array): Int32Array {
  if (key.length !== 32) return bytesToWords(beltKeyExpand(key), 0, 8);
  return bytesToWords(key, 0, 8);
}

/**
 * Encrypts the block x = a‖b‖c‖d (four words, in place) under key words θ (STB 34.101.31 encryption).
 * Round keys: K_j = θ_{(j-1) mod 8 + 1}; round i uses K_{7i-6}..K_{7i}.
 */
export function beltEncryptWords(x: Int32Array, key: Int32Array): void {
  let a = at(x, 0);
  let b = at(x, 1);
  let c = at(x, 2);
  let d = at(x, 3);
  for (let i = 1; i <= 8; i++) {
    const k = 7 * i - 7;
    b ^= g5((a + at(key, k % 8)) | 0);
    c ^= g21((d + at(key, (k + 1) % 8)) | 0);
    a = (a - g13((b + at(key, (k + 2) % 8)) | 0)) | 0;
    const e = g21((b + c + at(key, (k + 3) % 8)) | 0) ^ i;
    b = (b + e) | 0;
    c = (c - e) | 0;
    d = (d + g13((c + at(key, (k + 4) % 8)) | 0)) | 0;
    b ^= g21((a + at(key, (k + 5) % 8)) | 0);
    c ^= g5((d + at(key, (k + 6) % 8)) | 0);
    // a <-> b, c <-> d, b <-> c
    const t = a;
    a = b;
    b = d;
    d = c;
    c = t;
  }
  // Y = b ‖ d ‖ a ‖ c
  x[0] = b;
  x[1] = d;
  x[2] = a;
  x[3] = c;
}

/** Decrypts the block x (four words, in place) under key words θ (STB 34.101.31 decryption). */
export function beltDecryptWords(x: Int32Array, key: Int32Array): void {
  let a = at(x, 0);
  let b = at(x, 1);
  let c = at(x, 2);
  let d = at(x, 3);
  for (let i = 8; i >= 1; i--) {
    const k = 7 * i - 1;
    b ^= g5((a + at(key, k % 8)) | 0);
    c ^= g21((d + at(key, (k - 1) % 8)) | 0);
    a = (a - g13((b + at(key, (k - 2) % 8)) | 0)) | 0;
    const e = g21((b + c + at(key, (k - 3) % 8)) | 0) ^ i;
    b = (b + e) | 0;
    c = (c - e) | 0;
    d = (d + g13((c + at(key, (k - 4) % 8)) | 0)) | 0;
    b ^= g21((a + at(key, (k - 5) % 8)) | 0);
    c ^= g5((d + at(key, (k - 6) % 8)) | 0);
    // a <-> b, c <-> d, a <-> d
    const t = a;
    a = c;
    c = d;
    d = b;
    b = t;
  }
  // Y = c ‖ a ‖ d ‖ b
  x[0] = c;
  x[1] = a;
  x[2] = d;
  x[3] = b;
}

function checkBlock(block: Uint8Array): void {
  if (block.length !== 16) throw new CryptoError(`belt-block: expected a 16-byte block, got ${block.length}`);
}

/** belt-block encryption of one 16-byte block; `key` is 32 bytes (16/24 are expanded). */
export function beltBlockEncrypt(block: Uint8Array, key: Uint8Array): Uint8Array {
  checkBlock(block);
  const x = bytesToWords(block, 0, 4);
  beltEncryptWords(x, beltKeyWords(key));
  return wordsToBytes(x);
}

/** belt-block decryption of one 16-byte block; `key` is 32 bytes (16/24 are expanded). */
export function beltBlockDecrypt(block: Uint8Array, key: Uint8Array): Uint8Array {
  checkBlock(block);
  const x = bytesToWords(block, 0, 4);
  beltDecryptWords(x, beltKeyWords(key));
  return wordsToBytes(x);
}
