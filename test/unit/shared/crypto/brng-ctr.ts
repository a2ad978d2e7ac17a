/**
 * Test-only replay of the generator the standards' bign tables were produced with: brng-ctr of
 * STB 34.101.47 (bee2 `brngCTRStart`/`brngCTRStepR`, src/crypto/brng.c), wrapped as bee2's test-local
 * `brngCTRX` (test/crypto/bign_test.c), which pre-fills each output buffer with the words of X cyclically.
 * Only whole 32-byte blocks are produced — all that key and k generation ask for.
 */
import { BeltHash, concatBytes, type RandomBytes } from '../../../../shared/crypto';

export function brngCtrX(key: Uint8Array, iv: Uint8Array, x: Uint8Array): RandomBytes {
  const keyed = new BeltHash().update(key);
  const s = Uint8Array.from(iv);
  const r = iv.map((byte) => ~byte & 0xff);
  let offset = 0;
  const nextX = (): Uint8Array => {
    const out = new Uint8Array(32);
    for (let i = 0; i < 32; i++) {
      out[i] = x[offset] ?? 0;
      offset = (offset + 1) % x.length;
    }
    return out;
  };
  const step = (): Uint8Array => {
    // Y_t <- belt-hash(key ‖ s ‖ X_t ‖ r); s <- s + 1 (256-bit little-endian); r <- r ⊕ Y_t
    const y = keyed
      .clone()
      .update(concatBytes(s, nextX(), r))
      .digest();
    for (let i = 0; i < 32; i++) {
      const next = (s[i] ?? 0) + 1;
      s[i] = next & 0xff;
      if (next < 256) break;
    }
    for (let i = 0; i < 32; i++) r[i] = (r[i] ?? 0) ^ (y[i] ?? 0);
    return y;
  };
  return (length: number): Uint8Array => {
    if (length % 32 !== 0) throw new Error('brngCtrX test helper produces whole 32-byte blocks only');
    const blocks: Uint8Array[] = [];
    for (let produced = 0; produced < length; produced += 32) blocks.push(step());
    return concatBytes(...blocks);
  };
}
