import { useCallback, useState } from 'react';
import { useNotify } from '../app/toasts';
import { errorMessage, reportIfUnauthenticated } from './api-errors';
import { base64ToBlob, openBlob } from './files';

export interface GeneratedFile {
  fileName: string;
  dataBase64: string;
}

/**
 * Downloads a file the services generate (the appeal's PDF, the diagnostics ZIP): `busy` while it is
 * produced, a failure as an error toast worded by `failed`. Resolves with the file, or null on failure.
 */
export function useDownloadFile() {
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const download = useCallback(
    async (produce: () => Promise<GeneratedFile>, type: string, failed: (message: string) => string) => {
      setBusy(true);
      try {
        const file = await produce();
        openBlob(base64ToBlob(file.dataBase64, type), file.fileName, true);
        return file;
      } catch (err) {
        reportIfUnauthenticated(err);
        notify(failed(errorMessage(err)), 'error');
        return null;
      } finally {
        setBusy(false);
      }
    },
    [notify],
  );
  return { busy, download };
}
