import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppealCard } from '../../../../../shared/appeals';
import type { ReviewActionType } from '../../../../../shared/review/actions';
import type { AllowedAction, ReviewView } from '../../../../../shared/review/view';
import { useNotify } from '../../../app/toasts';
import { ActionButtons } from './ActionButtons';
import { appealActions } from './allowed-actions';
import { DispatchTable } from './DispatchTable';
import { ActionDialog } from './dialogs/ActionDialog';
import { ResolutionCard } from './ResolutionCard';
import { ReviewOverview } from './ReviewOverview';
import { ReviewContext, type ReviewContextValue } from './review-context';
import { SignatureList } from './SignatureList';
import { useReviewView } from './use-review-view';

function ReviewBody({ view }: { view: ReviewView }) {
  const { t } = useTranslation();
  const actions = appealActions(view.allowed);
  return (
    <>
      <div className="review-toolbar" role="toolbar" aria-label={t('review.actionsLabel')} data-testid="review-actions">
        {actions.length > 0 ? (
          <ActionButtons actions={actions} />
        ) : (
          view.allowed.length === 0 && (
            <span className="muted" data-testid="review-no-actions">
              {t('review.noActions')}
            </span>
          )
        )}
      </div>
      <ReviewOverview view={view} />
      <h3 className="review-subtitle">{t('review.resolutions.title')}</h3>
      {view.resolutions.length === 0 ? (
        <div className="muted">{t('review.resolutions.none')}</div>
      ) : (
        view.resolutions.map((r) => <ResolutionCard key={r.id} resolution={r} />)
      )}
      <h3 className="review-subtitle">{t('review.dispatches.title')}</h3>
      <DispatchTable dispatches={view.dispatches} />
      <h3 className="review-subtitle">{t('review.signatures.title')}</h3>
      <SignatureList signatures={view.signatures} />
    </>
  );
}

/**
 * «Рассмотрение» on the card (regulation 4.5–4.9): responsible head, control, terms, resolutions with
 * their executors and results, correspondence, and the buttons of exactly the actions `allowed` lists.
 * Every action opens its dialog; after it the card and this view are loaded again (`onChanged`).
 */
export function ReviewSection(props: { card: AppealCard; revision: number; onChanged(): void }) {
  const { card, revision, onChanged } = props;
  const { t } = useTranslation();
  const notify = useNotify();
  const { view, error } = useReviewView(card.id, revision);
  const [dialog, setDialog] = useState<AllowedAction | null>(null);

  const context = useMemo<ReviewContextValue | null>(
    () =>
      view && {
        card,
        view,
        start: setDialog,
        close: () => setDialog(null),
        done: (type: ReviewActionType) => {
          setDialog(null);
          notify(t('review.form.done', { action: t(`review.actions.${type}`) }), 'success');
          onChanged();
        },
        refresh: onChanged,
      },
    [card, view, notify, t, onChanged],
  );

  return (
    <section
      className="card-block review-section"
      data-testid="review-section"
      data-version={view?.version}
      data-status={view?.status}
      data-ready={view ? 'true' : 'false'}
    >
      <h2>{t('review.title')}</h2>
      {error && (
        <p className="banner banner-error" role="alert" data-testid="review-load-error">
          {t('review.loadError', { message: error })}{' '}
          <button type="button" className="link-button" onClick={onChanged}>
            {t('review.reload')}
          </button>
        </p>
      )}
      {!view && !error && <div className="muted">{t('app.loading')}</div>}
      {context && (
        <ReviewContext.Provider value={context}>
          <ReviewBody view={context.view} />
          {dialog && <ActionDialog target={dialog} />}
        </ReviewContext.Provider>
      )}
    </section>
  );
}
