import { useEffect, useState } from 'react';
import type { DirectoryOrganisation } from '../../../../../../shared/review/view';
import { api } from '../../../../api';
import { errorMessage, reportIfUnauthenticated } from '../../../../lib/api-errors';

/** The directory of organisations, loaded when a dialog that sends to an organisation opens. */
export function useOrganisations() {
  const [organisations, setOrganisations] = useState<DirectoryOrganisation[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let alive = true;
    api.call('directory:organisations', {}).then(
      (value) => alive && setOrganisations(value.organisations),
      (err: unknown) => {
        reportIfUnauthenticated(err);
        if (alive) setError(errorMessage(err));
      },
    );
    return () => {
      alive = false;
    };
  }, []);
  return { organisations, error };
}
