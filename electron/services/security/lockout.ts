/** Lockout policy of regulation 6.3. */
/** More than this many consecutive failed logins lock the account. */
export const MAX_FAILED = 5;
export const LOCK_MINUTES = 15;

const MINUTE_MS = 60_000;

export interface LockState {
  failedLogins: number;
  lockedUntil: number | null;
}

/** Whether the account is locked at `now`. */
export function isLocked(state: LockState, now: number): boolean {
  return state.lockedUntil !== null && state.lockedUntil > now;
}

/** The state after one attempt at `now` on an account that is not locked; an expired lock starts a new count. */
export function afterAttempt(state: LockState, ok: boolean, now: number): LockState & { justLocked: boolean } {
  if (ok) return { failedLogins: 0, lockedUntil: null, justLocked: false };
  const expired = state.lockedUntil !== null && state.lockedUntil <= now;
  const failedLogins = (expired ? 0 : state.failedLogins) + 1;
  if (failedLogins > MAX_FAILED) {
    return { failedLogins, lockedUntil: now + LOCK_MINUTES * MINUTE_MS, justLocked: true };
  }
  return { failedLogins, lockedUntil: null, justLocked: false };
}
