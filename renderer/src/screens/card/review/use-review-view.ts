import { useEffect, useState } from 'react';
import type { ReviewView } from '../../../../../shared/review/view';
import { api } from '../../../api';
import { errorMessage, reportIfUnauthenticated } from '../../../lib/api-errors';

/**
 * The review view of an appeal, loaded again on every `revision`; while a reload runs the previous view
 * stays on screen (no flicker after an action).
 */
export function useReviewView(appealId: string, revision: number) {
  const [view, setView] = useState<ReviewView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let alive = true;
    void revision;
    api.call('review:get', { appealId }).then(
      (value) => {
        if (!alive) return;
        setView(value);
        setError(null);
      },
      (err: unknown) => {
        reportIfUnauthenticated(err);
        if (alive) setError(errorMessage(err));
      },
    );
    return () => {
      alive = false;
    };
  }, [appealId, revision]);
  return { view, error };
}
