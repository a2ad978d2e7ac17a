/**
 * Why a call to the central system failed. `transient` kinds are retried (by the HTTP client for safe
 * requests, and by the engine's next round); the others need a person or a code change.
 */
export type CentralErrorKind =
  /** Connection refused, reset or dropped: nothing (or an unknown part) reached the server. */
  | 'network'
  /** No answer within the timeout. */
  | 'timeout'
  /** 429 or 5xx: the server is busy or down. */
  | 'unavailable'
  /** 401/403 even with a fresh token: the organisation's credentials are wrong or revoked. */
  | 'auth'
  /** No credentials configured on this workstation. */
  | 'config'
  /** Another 4xx: the server refuses this request as it is; retrying the same bytes will not help. */
  | 'rejected'
  /** A response that does not match the protocol (or a file whose sha256 does not match). */
  | 'protocol';

const TRANSIENT: ReadonlySet<CentralErrorKind> = new Set(['network', 'timeout', 'unavailable']);

export class CentralError extends Error {
  constructor(
    readonly kind: CentralErrorKind,
    message: string,
    readonly status: number | null = null,
    readonly problem: { code: string; message: string } | null = null,
    /** The server's `Retry-After`, when it sent one: the engine waits at least this long. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = 'CentralError';
  }

  get transient(): boolean {
    return TRANSIENT.has(this.kind);
  }
}

export function isCentralError(error: unknown): error is CentralError {
  return error instanceof CentralError;
}

/**
 * The server refused THIS request's content (400 bad input, 413 too large, 422 unprocessable), as
 * opposed to a wrong endpoint (404/405/410…), which says nothing about the command or the file.
 */
export function refusesContent(error: unknown): error is CentralError {
  return error instanceof CentralError && error.kind === 'rejected' && [400, 413, 422].includes(error.status ?? 0);
}
