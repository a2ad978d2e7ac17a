import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppealCard } from '../../../../shared/appeals';
import { api } from '../../api';
import { useSession } from '../../app/session';
import { RegNumber } from '../../components/RegNumber';
import { StatusBadge } from '../../components/StatusBadge';
import { errorCode, errorMessage, reportIfUnauthenticated } from '../../lib/api-errors';
import { navigate } from '../../lib/router';
import { useScreenReady } from '../../lib/screen';
import { CardAttachments } from './CardAttachments';
import { CardRequisites } from './CardRequisites';
import { ExportPdfButton } from './ExportPdfButton';
import { HistoryTable } from './HistoryTable';
import { ReviewSection } from './review/ReviewSection';

type Load = { phase: 'loading' } | { phase: 'failed'; message: string } | { phase: 'ready'; card: AppealCard };

/**
 * The registration card, read-only: requisites, deadline, the review process with its actions,
 * attachments, history. After a review action the card is loaded again (`revision`) in place.
 */
export function AppealCardScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const [load, setLoad] = useState<Load>({ phase: 'loading' });
  const isClerk = useSession().user?.roles.includes('clerk') ?? false;
  const [revision, setRevision] = useState(0);
  const reload = useCallback(() => setRevision((n) => n + 1), []);
  useScreenReady('card', load.phase === 'ready');

  useEffect(() => {
    let alive = true;
    void revision;
    api.call('appeals:get', { id }).then(
      (card) => alive && setLoad({ phase: 'ready', card }),
      (err: unknown) => {
        reportIfUnauthenticated(err);
        if (alive)
          setLoad({
            phase: 'failed',
            message: errorCode(err) === 'NOT_FOUND' ? t('card.notFound') : errorMessage(err),
          });
      },
    );
    return () => {
      alive = false;
    };
  }, [id, t, revision]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented && !document.querySelector('dialog[open]')) {
        navigate({ screen: 'list' });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (load.phase === 'loading') return <div className="screen-message">{t('app.loading')}</div>;
  if (load.phase === 'failed') {
    return (
      <div className="screen-message" role="alert">
        <p>{load.message}</p>
        <button type="button" onClick={() => navigate({ screen: 'list' })}>
          {t('card.toList')}
        </button>
      </div>
    );
  }

  const { card } = load;
  return (
    <article
      className="screen appeal-card"
      data-testid="appeal-card"
      data-id={card.id}
      data-status={card.status}
      data-version={card.version}
    >
      <div className="screen-head">
        <button type="button" className="link-button back" onClick={() => navigate({ screen: 'list' })}>
          ← {t('card.toList')}
        </button>
        <h1>
          {t('card.title')}{' '}
          <span
            data-testid="card-reg-number"
            data-number={card.regNumber ?? ''}
            data-provisional={card.numberProvisional ? 'true' : 'false'}
          >
            {card.regNumber ? (
              <RegNumber number={card.regNumber} provisional={card.numberProvisional} />
            ) : (
              <span className="muted">{t('card.notRegistered')}</span>
            )}
          </span>
        </h1>
        <StatusBadge status={card.status} />
        <span className="spacer" />
        <ExportPdfButton id={card.id} />
        {(card.status === 'draft' || card.status === 'received') && isClerk && (
          <button
            type="button"
            className="primary"
            onClick={() => navigate({ screen: 'edit', id: card.id })}
            data-testid="card-edit"
          >
            {card.status === 'received' ? t('card.checkAndRegister') : t('card.edit')}
          </button>
        )}
      </div>
      <div className="card-scroll">
        <CardRequisites card={card} />
        {card.status !== 'draft' && <ReviewSection card={card} revision={revision} onChanged={reload} />}
        <CardAttachments attachments={card.attachments} />
        <HistoryTable history={card.history} />
      </div>
    </article>
  );
}
