import { createHash, timingSafeEqual } from 'node:crypto';
import type { CentralClient } from '../config';

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/** Equal-time comparison of two secrets of any length (both are hashed to 32 bytes first). */
export function secretsEqual(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * The client whose Client ID and Secret Access Key match, or undefined. An unknown Client ID costs
 * the same comparison as a known one, so timing does not tell which IDs exist.
 */
export function authenticateClient(
  clients: ReadonlyMap<string, CentralClient>,
  clientId: string,
  clientSecret: string,
): CentralClient | undefined {
  const client = clients.get(clientId);
  const ok = secretsEqual(clientSecret, client?.clientSecret ?? '\u0000no-such-client');
  return ok && client ? client : undefined;
}
