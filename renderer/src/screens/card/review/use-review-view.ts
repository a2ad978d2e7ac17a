import { api } from '../../../api';
import { useLoaded } from '../../../lib/use-loaded';

/**
 * The review view of an appeal, loaded again on every `revision`; while a reload runs the previous view
 * stays on screen (no flicker after an action).
 */
export function useReviewView(appealId: string, revision: number) {
  const { value, error } = useLoaded(`${appealId}#${revision}`, () => api.call('review:get', { appealId }));
  return { view: value, error };
}
