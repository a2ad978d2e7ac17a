import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../shared/contract';
import { api } from '../../api';
import { Modal } from '../../components/Modal';
import { errorMessage, reportIfUnauthenticated } from '../../lib/api-errors';
import { formatCount } from '../../lib/format';
import { type ListFilters, toListQuery } from './list-query';
import './pdf-export.css';

type Status = ChannelOutput<'exportBatch:status'>;
type Interrupted = ChannelOutput<'exportBatch:interrupted'>['items'];
const POLL_MS = 300;

const runningStatus = (started: ChannelOutput<'exportBatch:start'>): Status => ({
  jobId: started.jobId,
  state: 'running',
  total: started.total,
  done: 0,
  exported: 0,
  failed: 0,
  outDir: started.outDir,
  errors: [],
  warnings: [],
});

/**
 * «Экспорт в PDF» of the list: the marked rows or everything the current filter shows, into a folder
 * on this workstation (default `<data>/exports/<time>`), optionally with a ZIP package per appeal;
 * progress, cancel and the per-appeal errors while it runs. Batches a crash (or a cancel) left
 * unfinished under `<data>/exports` are listed first and can be continued.
 */
export function BatchExportDialog(props: {
  selected: string[];
  filters: ListFilters;
  filterTotal: number;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const [scope, setScope] = useState<'selected' | 'filter'>(props.selected.length > 0 ? 'selected' : 'filter');
  const [folder, setFolder] = useState('');
  const [zip, setZip] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [interrupted, setInterrupted] = useState<Interrupted>([]);
  const jobId = status?.jobId;

  useEffect(() => {
    api.call('exportBatch:interrupted', {}).then(
      (r) => setInterrupted(r.items),
      (err: unknown) => reportIfUnauthenticated(err),
    );
  }, []);
  const running = status?.state === 'running';

  useEffect(() => {
    if (!jobId || !running) return;
    const timer = setInterval(() => {
      api.call('exportBatch:status', { jobId }).then(setStatus, (err: unknown) => {
        reportIfUnauthenticated(err);
        setError(errorMessage(err));
      });
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [jobId, running]);

  const count = scope === 'selected' ? props.selected.length : props.filterTotal;
  const start = async () => {
    setError(null);
    try {
      // The service pages through the whole filter itself (offset and limit are its own).
      const started = await api.call('exportBatch:start', {
        ...(scope === 'selected' ? { ids: props.selected } : { filter: toListQuery(props.filters, 0) }),
        ...(folder.trim() ? { outDir: folder.trim() } : {}),
        zip,
      });
      setStatus(runningStatus(started));
    } catch (err) {
      reportIfUnauthenticated(err);
      setError(t('pdfExport.startFailed', { message: errorMessage(err) }));
    }
  };

  const resume = async (outDir: string) => {
    setError(null);
    try {
      setStatus(runningStatus(await api.call('exportBatch:resume', { outDir })));
    } catch (err) {
      reportIfUnauthenticated(err);
      setError(t('pdfExport.resumeFailed', { message: errorMessage(err) }));
    }
  };

  const cancel = () => {
    if (jobId) void api.call('exportBatch:cancel', { jobId }).catch(() => undefined);
  };

  return (
    <Modal title={t('pdfExport.title')} onClose={props.onClose} testId="batch-export-dialog">
      {!status && interrupted.length > 0 && (
        <section className="batch-interrupted" data-testid="batch-interrupted">
          <h3>{t('pdfExport.interrupted')}</h3>
          <ul>
            {interrupted.map((item) => (
              <li key={item.outDir}>
                <span>
                  {t(item.cancelled ? 'pdfExport.interruptedCancelled' : 'pdfExport.interruptedItem', {
                    folder: item.outDir,
                    done: formatCount(item.done),
                    total: formatCount(item.total),
                  })}
                </span>
                <button type="button" onClick={() => void resume(item.outDir)} data-testid="batch-resume">
                  {t('pdfExport.resume')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {!status && (
        <form
          className="batch-export-form"
          onSubmit={(e) => {
            e.preventDefault();
            void start();
          }}
        >
          <fieldset>
            <label>
              <input
                type="radio"
                name="scope"
                checked={scope === 'selected'}
                disabled={props.selected.length === 0}
                onChange={() => setScope('selected')}
                data-testid="batch-scope-selected"
              />
              {t('pdfExport.scopeSelected', { n: formatCount(props.selected.length) })}
            </label>
            <label>
              <input
                type="radio"
                name="scope"
                checked={scope === 'filter'}
                onChange={() => setScope('filter')}
                data-testid="batch-scope-filter"
              />
              {t('pdfExport.scopeFilter', { n: formatCount(props.filterTotal) })}
            </label>
          </fieldset>
          <label className="batch-folder">
            {t('pdfExport.folder')}
            <input
              type="text"
              value={folder}
              placeholder={t('pdfExport.folderHint')}
              onChange={(e) => setFolder(e.target.value)}
              data-testid="batch-folder"
            />
          </label>
          <label>
            <input type="checkbox" checked={zip} onChange={(e) => setZip(e.target.checked)} data-testid="batch-zip" />
            {t('pdfExport.zip')}
          </label>
          {count === 0 && <p className="muted">{t('pdfExport.nothing')}</p>}
          <div className="modal-actions">
            <button type="submit" className="primary" disabled={count === 0} data-testid="batch-start">
              {t('pdfExport.start')}
            </button>
          </div>
        </form>
      )}
      {status && <BatchProgress status={status} onCancel={cancel} />}
      {error && (
        <p className="banner banner-error" role="alert">
          {error}
        </p>
      )}
    </Modal>
  );
}

function BatchProgress({ status, onCancel }: { status: Status; onCancel(): void }) {
  const { t } = useTranslation();
  const folder = status.outDir;
  return (
    <div className="batch-progress" data-testid="batch-progress" data-state={status.state}>
      <progress max={Math.max(1, status.total)} value={status.done} />
      <p>{t('pdfExport.progress', { done: formatCount(status.done), total: formatCount(status.total) })}</p>
      {status.state === 'running' ? (
        <button type="button" onClick={onCancel} data-testid="batch-cancel">
          {t('pdfExport.cancel')}
        </button>
      ) : (
        <p className="batch-result" data-testid="batch-result">
          {t(status.state === 'done' ? 'pdfExport.done' : 'pdfExport.cancelled', { exported: status.exported, folder })}
        </p>
      )}
      {status.errors.length > 0 && (
        <details open>
          <summary>{t('pdfExport.failed', { n: status.errors.length })}</summary>
          <ul data-testid="batch-errors">
            {status.errors.map((e) => (
              <li key={e.id}>
                {e.number ?? e.id}: {e.message}
              </li>
            ))}
          </ul>
        </details>
      )}
      {status.warnings.length > 0 && (
        <details>
          <summary>{t('pdfExport.warnings', { n: status.warnings.length })}</summary>
          <ul>
            {status.warnings.map((w) => (
              <li key={`${w.id}-${w.message}`}>
                {w.number ?? w.id}: {w.message}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
