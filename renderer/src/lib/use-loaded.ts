import { useEffect, useState } from 'react';
import { errorMessage, reportIfUnauthenticated } from './api-errors';

/**
 * Loads what `load` fetches whenever `key` changes, keeping the previous value on screen while the next
 * one is on its way (no flicker). `current` says whether the value shown is the one for this key; a
 * failure reports an expired session and leaves its Russian message in `error`.
 */
export function useLoaded<T>(key: string, load: () => Promise<T>) {
  const [state, setState] = useState<{ value: T | null; key: string | null; error: string | null }>({
    value: null,
    key: null,
    error: null,
  });
  // `load` is a new function each render; `key` names everything it depends on.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reload on key only
  useEffect(() => {
    let alive = true;
    load().then(
      (value) => alive && setState({ value, key, error: null }),
      (err: unknown) => {
        reportIfUnauthenticated(err);
        if (alive) setState((s) => ({ ...s, error: errorMessage(err) }));
      },
    );
    return () => {
      alive = false;
    };
  }, [key]);
  return { value: state.value, error: state.error, current: state.key === key };
}
