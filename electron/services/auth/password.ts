import { scrypt, timingSafeEqual } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/**
 * Password hashes (design.md, "Security"; issue #10): argon2id from @node-rs/argon2, PHC strings
 * (`$argon2id$v=19$m=…,t=…,p=…$salt$hash`). The library's default algorithm IS argon2id (its
 * `Algorithm` is an ambient const enum, which isolatedModules cannot reference); a test pins the prefix.
 * Parameters: OWASP's argon2id minimum (19 MiB, 2 passes, 1 lane) — ~30 ms on our machines.
 */
const ARGON2 = { memoryCost: 19_456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

export async function hashPassword(password: string): Promise<string> {
  return hash(password.normalize('NFC'), ARGON2);
}

/**
 * Checks a password against a stored hash: argon2id, or a legacy `scrypt$N$r$p$salt$hash` written before
 * argon2id (upgraded on the next successful login, see needsRehash). Unknown schemes never match.
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const normalized = password.normalize('NFC');
  if (stored.startsWith('$argon2id$')) {
    try {
      return await verify(stored, normalized);
    } catch {
      return false;
    }
  }
  if (stored.startsWith('scrypt$')) return verifyLegacyScrypt(normalized, stored);
  return false;
}

/** True when the stored hash is not argon2id with today's parameters: rehash it after a successful login. */
export function needsRehash(stored: string): boolean {
  const { memoryCost, timeCost, parallelism } = ARGON2;
  return !stored.startsWith(`$argon2id$v=19$m=${memoryCost},t=${timeCost},p=${parallelism}$`);
}

// The hashes of versions before argon2id: scrypt N=2^15, r=8, p=1, 32-byte key.
const LEGACY_SCRYPT = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

function verifyLegacyScrypt(password: string, stored: string): Promise<boolean> {
  const [, n, r, p, salt, key] = stored.split('$');
  if (!salt || !key) return Promise.resolve(false);
  if (Number(n) !== LEGACY_SCRYPT.N || Number(r) !== LEGACY_SCRYPT.r || Number(p) !== LEGACY_SCRYPT.p) {
    return Promise.resolve(false);
  }
  const expected = Buffer.from(key, 'base64url');
  return new Promise((resolve) =>
    scrypt(password, Buffer.from(salt, 'base64url'), expected.length, LEGACY_SCRYPT, (err, actual) =>
      resolve(!err && actual.length === expected.length && timingSafeEqual(actual, expected)),
    ),
  );
}
