import { createHash, randomBytes } from 'node:crypto';

export interface TokenGrant {
  clientId: string;
  orgId: string;
  expiresAt: number;
}

export type TokenCheck = { ok: true; grant: TokenGrant } | { ok: false; code: 'UNAUTHORIZED' | 'TOKEN_EXPIRED' };

/** Expired tokens are remembered this long to answer TOKEN_EXPIRED rather than UNAUTHORIZED. */
const REMEMBER_EXPIRED_MS = 24 * 3_600_000;

const keyOf = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Short-lived bearer tokens, in memory (a restart logs every client out; they ask for a new token on
 * the 401). Only a hash of each token is kept, so a heap dump does not hand out live tokens.
 */
export class TokenRegistry {
  private readonly grants = new Map<string, TokenGrant>();

  constructor(
    private readonly clock: () => Date,
    private readonly ttlSeconds: number,
  ) {}

  issue(clientId: string, orgId: string): { token: string; expiresIn: number } {
    const now = this.clock().getTime();
    this.prune(now);
    const token = randomBytes(32).toString('base64url');
    this.grants.set(keyOf(token), { clientId, orgId, expiresAt: now + this.ttlSeconds * 1000 });
    return { token, expiresIn: this.ttlSeconds };
  }

  check(token: string): TokenCheck {
    const grant = this.grants.get(keyOf(token));
    if (!grant) return { ok: false, code: 'UNAUTHORIZED' };
    if (this.clock().getTime() >= grant.expiresAt) return { ok: false, code: 'TOKEN_EXPIRED' };
    return { ok: true, grant };
  }

  private prune(now: number): void {
    for (const [key, grant] of this.grants) {
      if (grant.expiresAt + REMEMBER_EXPIRED_MS < now) this.grants.delete(key);
    }
  }
}
