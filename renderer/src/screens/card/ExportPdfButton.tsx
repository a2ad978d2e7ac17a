import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useNotify } from '../../app/toasts';
import { errorMessage, reportIfUnauthenticated } from '../../lib/api-errors';
import { base64ToBlob, openBlob } from '../../lib/files';

/** «Экспорт в PDF»: the card with its attachments as one PDF for ВСЭД. */
export function ExportPdfButton({ id }: { id: string }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);

  const exportPdf = async () => {
    setBusy(true);
    try {
      const file = await api.call('export:appealPdf', { id });
      openBlob(base64ToBlob(file.dataBase64, 'application/pdf'), file.fileName, true);
    } catch (err) {
      reportIfUnauthenticated(err);
      notify(t('card.exportPdfFailed', { message: errorMessage(err) }), 'error');
    } finally {
      setBusy(false);
    }
  };

  return (
    <button type="button" disabled={busy} onClick={() => void exportPdf()} data-testid="card-export-pdf">
      {busy ? t('card.exportPdfBusy') : t('card.exportPdf')}
    </button>
  );
}
