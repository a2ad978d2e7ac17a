import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../shared/contract';
import { api } from '../../api';
import { Modal } from '../../components/Modal';
import { errorMessage, reportIfUnauthenticated } from '../../lib/api-errors';

type Report = ChannelOutput<'vsed:importAnswers'>;

/** «Загрузить ответ из ВСЭД» (regulation 4.12): a package or a folder of packages, then the report. */
export function VsedImportDialog(props: { onClose(imported: boolean): void }) {
  const { t } = useTranslation();
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      setReport(await api.call('vsed:importAnswers', { path: path.trim() }));
    } catch (err) {
      reportIfUnauthenticated(err);
      setError(t('pdfExport.vsedFailed', { message: errorMessage(err) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title={t('pdfExport.vsedTitle')} onClose={() => props.onClose(report !== null)} testId="vsed-dialog">
      <form
        className="batch-export-form"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <label className="batch-folder">
          {t('pdfExport.vsedPath')}
          <input type="text" value={path} onChange={(e) => setPath(e.target.value)} data-testid="vsed-path" />
        </label>
        <div className="modal-actions">
          <button type="submit" className="primary" disabled={busy || !path.trim()} data-testid="vsed-import">
            {t('pdfExport.vsedImport')}
          </button>
        </div>
      </form>
      {error && (
        <p className="banner banner-error" role="alert">
          {error}
        </p>
      )}
      {report && (
        <table className="vsed-report" data-testid="vsed-report">
          <tbody>
            {report.items.length === 0 && (
              <tr>
                <td>{t('pdfExport.vsedEmpty')}</td>
              </tr>
            )}
            {report.items.map((item) => (
              <tr key={item.source} data-outcome={item.outcome}>
                <td>{item.source}</td>
                <td>{item.appealNumber ?? '—'}</td>
                <td className={`vsed-outcome vsed-${item.outcome}`}>{t(`pdfExport.vsedOutcome.${item.outcome}`)}</td>
                <td>{item.messages.join('; ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Modal>
  );
}
