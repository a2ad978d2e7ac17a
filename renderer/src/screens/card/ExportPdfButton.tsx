import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useDownloadFile } from '../../lib/use-download-file';

/** «Экспорт в PDF»: the card with its attachments as one PDF for ВСЭД. */
export function ExportPdfButton({ id }: { id: string }) {
  const { t } = useTranslation();
  const { busy, download } = useDownloadFile();

  const exportPdf = () =>
    download(
      () => api.call('export:appealPdf', { id }),
      'application/pdf',
      (message) => t('card.exportPdfFailed', { message }),
    );

  return (
    <button type="button" disabled={busy} onClick={() => void exportPdf()} data-testid="card-export-pdf">
      {busy ? t('card.exportPdfBusy') : t('card.exportPdf')}
    </button>
  );
}
