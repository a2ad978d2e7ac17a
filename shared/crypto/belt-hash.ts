/**
 * belt-hash: the hash function of STB 34.101.31, 256-bit output.
 * State: r = bit length (128-bit), s = checksum (128-bit), h = chaining value (IV = first 32 bytes of H).
 * Each 32-byte block X_i: (t, h) ← σ(X_i ‖ h), s ← s ⊕ t. Result: σ2(r ‖ s ‖ h).
 */

import { BELT_H } from './belt-block';
import { beltCompressWords } from './belt-compress';
import { bigIntToBytesLE, bytesToWords, loadWords, wordsToBytes } from './bytes';

const IV = bytesToWords(BELT_H, 0, 8);

/** Incremental belt-hash. `digest()` does not finalise the state: `update` may continue after it. */
export class BeltHash {
  private readonly h = Int32Array.from(IV);
  private readonly s = new Int32Array(4);
  private readonly block = new Uint8Array(32);
  private readonly words = new Int32Array(8);
  private filled = 0;
  private byteLength = 0;

  update(data: Uint8Array): this {
    this.byteLength += data.length;
    let offset = 0;
    if (this.filled > 0) {
      const take = Math.min(32 - this.filled, data.length);
      this.block.set(data.subarray(0, take), this.filled);
      this.filled += take;
      offset = take;
      if (this.filled < 32) return this;
      beltCompressWords(this.h, loadWords(this.words, this.block, 0), this.s);
      this.filled = 0;
    }
    for (; offset + 32 <= data.length; offset += 32) {
      beltCompressWords(this.h, loadWords(this.words, data, offset), this.s);
    }
    if (offset < data.length) {
      this.block.set(data.subarray(offset));
      this.filled = data.length - offset;
    }
    return this;
  }

  /** The 32-byte hash of everything passed to `update` so far. */
  digest(): Uint8Array {
    const h = Int32Array.from(this.h);
    const s = Int32Array.from(this.s);
    if (this.filled > 0) {
      const last = new Uint8Array(32);
      last.set(this.block.subarray(0, this.filled));
      beltCompressWords(h, bytesToWords(last, 0, 8), s);
    }
    // final block: r ‖ s, r = <|X|>_128 (bit length, little-endian)
    const rs = new Uint8Array(32);
    rs.set(bigIntToBytesLE(BigInt(this.byteLength) * 8n, 16));
    rs.set(wordsToBytes(s), 16);
    beltCompressWords(h, bytesToWords(rs, 0, 8));
    return wordsToBytes(h);
  }

  /** An independent copy of the current state (e.g. to hash a common prefix once). */
  clone(): BeltHash {
    const copy = new BeltHash();
    copy.h.set(this.h);
    copy.s.set(this.s);
    copy.block.set(this.block);
    copy.filled = this.filled;
    copy.byteLength = this.byteLength;
    return copy;
  }
}

/** One-shot belt-hash of `data`: 32 bytes. */
export function beltHash(data: Uint8Array): Uint8Array {
  return new BeltHash().update(data).digest();
}
