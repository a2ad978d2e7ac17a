/**
 * hmac-hbelt: HMAC (RFC 2104 construction) over belt-hash, STB 34.101.47 (bee2 `beltHMAC`).
 * belt-hash absorbs 32-byte blocks, so the key is padded (or first hashed, when longer) to 32 bytes,
 * inner pad 0x36, outer pad 0x5C. Output: 32 bytes.
 */

import { BeltHash, beltHash } from './belt-hash';

const BLOCK_BYTES = 32;

/** Keyed states after absorbing K ⊕ ipad and K ⊕ opad: reusable for many messages under one key. */
export class BeltHmac {
  private readonly inner: BeltHash;
  private readonly outer: BeltHash;

  constructor(key: Uint8Array) {
    const block = new Uint8Array(BLOCK_BYTES);
    block.set(key.length > BLOCK_BYTES ? beltHash(key) : key);
    const ipad = block.map((b) => b ^ 0x36);
    const opad = block.map((b) => b ^ 0x5c);
    this.inner = new BeltHash().update(ipad);
    this.outer = new BeltHash().update(opad);
  }

  /** hmac-hbelt(key, message): 32 bytes. */
  mac(message: Uint8Array): Uint8Array {
    const innerDigest = this.inner.clone().update(message).digest();
    return this.outer.clone().update(innerDigest).digest();
  }
}

/** One-shot hmac-hbelt of `message` under `key`. */
export function beltHmac(key: Uint8Array, message: Uint8Array): Uint8Array {
  return new BeltHmac(key).mac(message);
}
