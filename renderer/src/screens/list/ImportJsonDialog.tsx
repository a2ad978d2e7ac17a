import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ImportReport, MAX_UI_IMPORT_BYTES } from '../../../../shared/import/json-import';
import { api } from '../../api';
import { Modal } from '../../components/Modal';
import { errorMessage, reportIfUnauthenticated } from '../../lib/api-errors';
import { readAsBase64 } from '../../lib/files';
import { formatCount } from '../../lib/format';

function ReportView({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  if (report.ok) {
    return (
      <div data-testid="import-report" data-ok="true">
        <p className="banner banner-info" role="status">
          {t('data.importJson.done', { n: formatCount(report.imported.length) })}
        </p>
        <table className="table import-table import-done">
          <thead>
            <tr>
              <th>{t('data.importJson.record')}</th>
              <th>{t('data.importJson.number')}</th>
            </tr>
          </thead>
          <tbody>
            {report.imported.map((r) => (
              <tr key={r.id}>
                <td className="num">{r.record + 1}</td>
                <td>
                  <a href={`#/appeals/${encodeURIComponent(r.id)}`}>{r.regNumber}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }
  const total = report.issues.length + report.moreIssues;
  return (
    <div data-testid="import-report" data-ok="false">
      <p className="banner banner-error" role="alert">
        {t('data.importJson.failed', { n: formatCount(total) })}
      </p>
      <div className="import-issues">
        <table className="table import-table">
          <thead>
            <tr>
              <th>{t('data.importJson.record')}</th>
              <th>{t('data.importJson.field')}</th>
              <th>{t('data.importJson.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {report.issues.map((issue) => (
              <tr key={`${issue.path}|${issue.reason}`} data-testid="import-issue">
                <td className="num">{issue.record === null ? t('data.importJson.wholeFile') : issue.record + 1}</td>
                <td>
                  {issue.label || issue.field || '—'}
                  <div className="muted import-path">{issue.path}</div>
                </td>
                <td>{issue.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {report.moreIssues > 0 && <p className="muted">{t('data.importJson.more', { n: report.moreIssues })}</p>}
    </div>
  );
}

/**
 * «Загрузить JSON» [4.3]: pick a file, the service checks every record with the card's rules and
 * registers all of them or none; the report lists what was registered or every problem found.
 */
export function ImportJsonDialog(props: { onClose(): void; onImported(): void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    if (!file) return;
    setError(null);
    setReport(null);
    if (file.size > MAX_UI_IMPORT_BYTES) {
      setError(t('data.importJson.tooLarge', { mb: MAX_UI_IMPORT_BYTES / 1024 / 1024 }));
      return;
    }
    setBusy(true);
    try {
      const result = await api.call('import:json', { fileName: file.name, dataBase64: await readAsBase64(file) });
      setReport(result);
      if (result.ok) props.onImported();
    } catch (err) {
      reportIfUnauthenticated(err);
      setError(t('data.importJson.failedCall', { message: errorMessage(err) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title={t('data.importJson.title')} onClose={props.onClose} testId="import-json-dialog">
      <div className="import-dialog">
        <p className="hint">{t('data.importJson.intro')}</p>
        <div className="import-pick">
          <label>
            {t('data.importJson.file')}{' '}
            <input
              type="file"
              accept=".json,application/json"
              data-testid="import-json-file"
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setReport(null);
                setError(null);
              }}
            />
          </label>
          <button
            type="button"
            className="primary"
            disabled={!file || busy}
            onClick={() => void submit()}
            data-testid="import-json-submit"
          >
            {busy ? t('data.importJson.busy') : t('data.importJson.submit')}
          </button>
        </div>
        {error && (
          <p className="banner banner-error" role="alert">
            {error}
          </p>
        )}
        {report && <ReportView report={report} />}
      </div>
    </Modal>
  );
}
