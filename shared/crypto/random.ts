/** Random-bytes source for key generation. Injectable so tests can replay the standards' generators. */
import { CryptoError } from './bytes';

/** Returns `length` random bytes. */
export type RandomBytes = (length: number) => Uint8Array;

/** WebCrypto's CSPRNG (browser, Electron renderer, Node ≥ 20 via globalThis.crypto). */
export function defaultRandomBytes(length: number): Uint8Array {
  const source: Crypto | undefined = globalThis.crypto;
  if (source === undefined || typeof source.getRandomValues !== 'function') {
    throw new CryptoError('no CSPRNG available: globalThis.crypto.getRandomValues is missing');
  }
  const out = new Uint8Array(length);
  // getRandomValues fills at most 65536 bytes per call
  for (let offset = 0; offset < length; offset += 65536) {
    source.getRandomValues(out.subarray(offset, Math.min(length, offset + 65536)));
  }
  return out;
}
