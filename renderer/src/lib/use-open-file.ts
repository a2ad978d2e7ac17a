import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { useNotify } from '../app/toasts';
import { errorMessage, reportIfUnauthenticated } from './api-errors';
import { base64ToBlob, openBlob } from './files';

export interface StoredFile {
  sha256: string;
  name: string;
  type?: string;
}

/** Opens (or downloads) a stored file by its hash with `attachments:read`; `busy` is the hash being read. */
export function useOpenFile() {
  const { t } = useTranslation();
  const notify = useNotify();
  const [busy, setBusy] = useState<string | null>(null);

  const open = useCallback(
    async (file: StoredFile, download = false) => {
      setBusy(file.sha256);
      try {
        const read = await api.call('attachments:read', { sha256: file.sha256 });
        openBlob(base64ToBlob(read.dataBase64, read.type || file.type || ''), file.name, download);
      } catch (err) {
        reportIfUnauthenticated(err);
        notify(t('card.attachments.openFailed', { message: errorMessage(err) }), 'error');
      } finally {
        setBusy(null);
      }
    },
    [notify, t],
  );

  return { busy, open };
}
