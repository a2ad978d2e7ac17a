import { describe, expect, it } from 'vitest';
import { authenticateClient, secretsEqual } from '../../../server/auth/credentials';
import { TokenRegistry } from '../../../server/auth/token-registry';
import type { CentralClient } from '../../../server/config';

describe('TokenRegistry', () => {
  it('issues distinct random tokens valid for the TTL, then TOKEN_EXPIRED, unknown ones UNAUTHORIZED', () => {
    let now = 1_000_000;
    const tokens = new TokenRegistry(() => new Date(now), 60);
    const a = tokens.issue('client', 'org');
    const b = tokens.issue('client', 'org');
    expect(a.token).not.toBe(b.token);
    expect(a.expiresIn).toBe(60);
    expect(tokens.check(a.token)).toEqual({
      ok: true,
      grant: { clientId: 'client', orgId: 'org', expiresAt: 1_060_000 },
    });
    now += 59_999;
    expect(tokens.check(a.token).ok).toBe(true);
    now += 1;
    expect(tokens.check(a.token)).toEqual({ ok: false, code: 'TOKEN_EXPIRED' });
    expect(tokens.check('made-up')).toEqual({ ok: false, code: 'UNAUTHORIZED' });
  });

  it('forgets long-expired tokens when issuing new ones', () => {
    let now = 0;
    const tokens = new TokenRegistry(() => new Date(now), 60);
    const old = tokens.issue('c', 'o').token;
    now += 2 * 24 * 3_600_000;
    tokens.issue('c', 'o');
    expect(tokens.check(old)).toEqual({ ok: false, code: 'UNAUTHORIZED' });
  });
});

describe('client credentials', () => {
  const clients = new Map<string, CentralClient>([
    ['id-1', { clientId: 'id-1', clientSecret: 'секрет', orgId: 'org', orgName: 'Орг' }],
  ]);

  it('compares secrets of any length, Unicode included', () => {
    expect(secretsEqual('секрет', 'секрет')).toBe(true);
    expect(secretsEqual('секрет', 'секрет ')).toBe(false);
    expect(secretsEqual('', 'x')).toBe(false);
  });

  it('finds the client only by its own ID and secret', () => {
    expect(authenticateClient(clients, 'id-1', 'секрет')?.orgId).toBe('org');
    expect(authenticateClient(clients, 'id-1', 'секре')).toBeUndefined();
    expect(authenticateClient(clients, 'id-2', 'секрет')).toBeUndefined();
    expect(authenticateClient(clients, 'id-2', '\u0000no-such-client')).toBeUndefined();
  });
});
