/**
 * Byte and integer helpers shared by the belt and bign modules. Browser-safe: plain Uint8Array and
 * BigInt, no Buffer. All multi-byte integers in STB 34.101.31/45 are little-endian.
 */

/** Thrown on malformed input to the crypto primitives (bad lengths, out-of-range keys). */
export class CryptoError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CryptoError';
  }
}

/** The byte at `index`; throws instead of returning `undefined` (noUncheckedIndexedAccess). */
export function byteAt(bytes: Uint8Array, index: number): number {
  const value = bytes[index];
  if (value === undefined) throw new RangeError(`byte index ${index} out of range 0..${bytes.length - 1}`);
  return value;
}

/** Throws a CryptoError unless `bytes.length` is one of `lengths`. */
export function assertLength(bytes: Uint8Array, name: string, ...lengths: number[]): void {
  if (!lengths.includes(bytes.length)) {
    throw new CryptoError(`${name}: expected ${lengths.join(' or ')} bytes, got ${bytes.length}`);
  }
}

/** Hex (upper or lower case, whitespace ignored) to bytes. */
export function hexToBytes(hex: string): Uint8Array {
  const clean = hex.replace(/\s+/g, '');
  if (clean.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(clean)) throw new CryptoError('hexToBytes: invalid hex string');
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(clean.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** Bytes to upper-case hex (the style of the standards' tables). */
export function bytesToHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out.toUpperCase();
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  let total = 0;
  for (const part of parts) total += part.length;
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Equality of two byte strings (not constant-time). */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= byteAt(a, i) ^ byteAt(b, i);
  return diff === 0;
}

/** Little-endian bytes to a non-negative integer. */
export function bytesToBigIntLE(bytes: Uint8Array): bigint {
  let hex = '';
  for (let i = bytes.length - 1; i >= 0; i--) hex += byteAt(bytes, i).toString(16).padStart(2, '0');
  return hex === '' ? 0n : BigInt(`0x${hex}`);
}

/** A non-negative integer to exactly `length` little-endian bytes (throws if it does not fit). */
export function bigIntToBytesLE(value: bigint, length: number): Uint8Array {
  if (value < 0n) throw new CryptoError('bigIntToBytesLE: negative value');
  const hex = value.toString(16).padStart(2 * length, '0');
  if (hex.length > 2 * length) throw new CryptoError(`bigIntToBytesLE: value does not fit in ${length} bytes`);
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    const pos = hex.length - 2 * (i + 1);
    out[i] = Number.parseInt(hex.slice(pos, pos + 2), 16);
  }
  return out;
}

/** Reads the little-endian 32-bit word at byte offset `offset`. */
export function readU32LE(bytes: Uint8Array, offset: number): number {
  return (
    (byteAt(bytes, offset) |
      (byteAt(bytes, offset + 1) << 8) |
      (byteAt(bytes, offset + 2) << 16) |
      (byteAt(bytes, offset + 3) << 24)) >>>
    0
  );
}

/** Writes `value` as a little-endian 32-bit word at byte offset `offset`. */
export function writeU32LE(bytes: Uint8Array, offset: number, value: number): void {
  bytes[offset] = value & 0xff;
  bytes[offset + 1] = (value >>> 8) & 0xff;
  bytes[offset + 2] = (value >>> 16) & 0xff;
  bytes[offset + 3] = (value >>> 24) & 0xff;
}

/** `count` little-endian words starting at byte `offset`. */
export function bytesToWords(bytes: Uint8Array, offset: number, count: number): Int32Array {
  return loadWords(new Int32Array(count), bytes, offset);
}

/** Fills `target` with little-endian words read from byte `offset` of `bytes`; returns `target`. */
export function loadWords(target: Int32Array, bytes: Uint8Array, offset: number): Int32Array {
  for (let i = 0; i < target.length; i++) target[i] = readU32LE(bytes, offset + 4 * i);
  return target;
}

/** Words to little-endian bytes. */
export function wordsToBytes(words: Int32Array): Uint8Array {
  const out = new Uint8Array(4 * words.length);
  for (let i = 0; i < words.length; i++) writeU32LE(out, 4 * i, words[i] ?? 0);
  return out;
}
