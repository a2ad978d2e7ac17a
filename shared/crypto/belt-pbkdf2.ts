/**
 * PBKDF2 (PKCS #5) with hmac-hbelt as the pseudo-random function and a 32-byte output — the key
 * derivation of STB 34.101.45 annex E / bee2 `beltPBKDF2`, used to protect private keys by password
 * (STB 34.101.78 recommends at least 10 000 iterations and an 8-byte salt).
 */

import { BeltHmac } from './belt-hmac';
import { CryptoError, concatBytes } from './bytes';

export const BELT_PBKDF2_MIN_ITERATIONS = 10_000;

/** θ = U_1 ⊕ … ⊕ U_c, U_1 = HMAC(pwd, salt ‖ <1>_32 big-endian), U_i = HMAC(pwd, U_{i−1}). */
export function beltPbkdf2(password: Uint8Array, salt: Uint8Array, iterations: number): Uint8Array {
  if (!Number.isSafeInteger(iterations) || iterations < 1) {
    throw new CryptoError(`belt-pbkdf2: iteration count must be a positive integer, got ${iterations}`);
  }
  const prf = new BeltHmac(password);
  let u = prf.mac(concatBytes(salt, Uint8Array.of(0, 0, 0, 1)));
  const key = Uint8Array.from(u);
  for (let i = 1; i < iterations; i++) {
    u = prf.mac(u);
    for (let j = 0; j < key.length; j++) key[j] = (key[j] ?? 0) ^ (u[j] ?? 0);
  }
  return key;
}
