import type { TokenResponse } from '../../../shared/sync/protocol';

/** Renew a token this long before it expires, so a request never leaves with a dying one. */
const MARGIN_MS = 30_000;

/** The current bearer token: fetched once when needed (single flight), dropped on a 401. */
export class TokenCache {
  private current: { token: string; expiresAt: number } | null = null;
  private inflight: Promise<string> | null = null;

  constructor(
    private readonly fetchToken: () => Promise<TokenResponse>,
    private readonly now: () => number = Date.now,
  ) {}

  get(): Promise<string> {
    if (this.current && this.current.expiresAt - MARGIN_MS > this.now()) return Promise.resolve(this.current.token);
    if (!this.inflight) {
      this.inflight = this.fetchToken()
        .then((response) => {
          this.current = { token: response.accessToken, expiresAt: this.now() + response.expiresIn * 1000 };
          return response.accessToken;
        })
        .finally(() => {
          this.inflight = null;
        });
    }
    return this.inflight;
  }

  /** The server refused `token`: forget it (unless a newer one already replaced it). */
  invalidate(token: string): void {
    if (this.current?.token === token) this.current = null;
  }
}
