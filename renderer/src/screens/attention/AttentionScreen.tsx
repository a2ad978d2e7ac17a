import { useTranslation } from 'react-i18next';
import { useSyncStatus } from '../../app/SyncStatusProvider';
import { formatCount } from '../../lib/format';
import { useScreenReady } from '../../lib/screen';
import { AttentionTable } from './AttentionTable';
import { UnappliedTable } from './UnappliedTable';

/**
 * «Требуют внимания»: the changes the central appeals system refused — never dropped: each stays until
 * the clerk re-sends it or discards it (docs/sync.md) — and the changes of other workstations that
 * could not be applied here.
 */
export function AttentionScreen() {
  const { t } = useTranslation();
  const { status, failure } = useSyncStatus();
  useScreenReady('attention', status !== null);

  if (status === null) {
    return failure === null ? (
      <div className="screen-message">{t('app.loading')}</div>
    ) : (
      <div className="screen-message" role="alert">
        {t('attention.loadError', { message: failure })}
      </div>
    );
  }

  const rows = status.rejected;
  const unapplied = status.unapplied;
  return (
    <section
      className="screen attention-screen"
      aria-labelledby="attention-title"
      data-testid="attention-screen"
      data-count={rows.length}
    >
      <div className="screen-head">
        <h1 id="attention-title">{t('attention.title')}</h1>
        {rows.length > 0 && <span className="attention-count">{formatCount(rows.length)}</span>}
      </div>
      {rows.length === 0 ? (
        <div className="attention-empty" data-testid="attention-empty">
          <span className="attention-empty-mark" aria-hidden="true">
            ✓
          </span>
          <div>
            <div className="attention-empty-title">{t('attention.empty')}</div>
            <div className="muted">{t('attention.emptyHint')}</div>
          </div>
        </div>
      ) : (
        <>
          <p className="banner banner-warn attention-explanation" data-testid="attention-explanation">
            {t('attention.explanation')}
          </p>
          <div className="attention-scroll">
            <AttentionTable rows={rows} />
          </div>
        </>
      )}
      {unapplied.length > 0 && <UnappliedTable rows={unapplied} />}
    </section>
  );
}
