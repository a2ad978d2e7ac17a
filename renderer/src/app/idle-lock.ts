import { useCallback, useEffect, useState } from 'react';

/** Regulation 6.3: the session locks after this long without mouse or keyboard activity (default). */
export const IDLE_LOCK_MS = 15 * 60_000;
/** The administrator's setting (`account:status` after login) replaces the default. */
let configuredMs = IDLE_LOCK_MS;

export function setIdleLockMinutes(minutes: number): void {
  configuredMs = Number.isFinite(minutes) && minutes > 0 ? minutes * 60_000 : IDLE_LOCK_MS;
}
/** Tests shorten the idle time through this sessionStorage key. */
export const IDLE_LOCK_OVERRIDE_KEY = 'arm.idleLockMs';

const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'input', 'touchstart'] as const;

/** The idle time in force: the sessionStorage override when it is a positive number, else the setting. */
export function idleLockMs(): number {
  const override = Number(sessionStorage.getItem(IDLE_LOCK_OVERRIDE_KEY));
  return Number.isFinite(override) && override > 0 ? override : configuredMs;
}

/**
 * True once the user has been idle for idleLockMs() while `enabled` (someone is logged in);
 * `unlock()` clears it and restarts the count.
 */
export function useIdleLock(enabled: boolean): { locked: boolean; unlock(): void } {
  const [locked, setLocked] = useState(false);

  useEffect(() => {
    if (!enabled) setLocked(false);
  }, [enabled]);

  useEffect(() => {
    if (!enabled || locked) return;
    let last = Date.now();
    const onActivity = () => {
      last = Date.now();
    };
    for (const type of ACTIVITY_EVENTS) window.addEventListener(type, onActivity, { capture: true, passive: true });
    const timer = window.setInterval(
      () => {
        if (Date.now() - last >= idleLockMs()) setLocked(true);
      },
      Math.min(1000, Math.max(100, idleLockMs() / 4)),
    );
    return () => {
      window.clearInterval(timer);
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, onActivity, { capture: true });
    };
  }, [enabled, locked]);

  const unlock = useCallback(() => {
    setLocked(false);
  }, []);
  return { locked: enabled && locked, unlock };
}
