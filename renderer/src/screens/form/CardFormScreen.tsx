import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useDictionaries } from '../../app/session';
import { navigate } from '../../lib/router';
import { useScreenReady } from '../../lib/screen';
import { ApplicantSection } from './ApplicantSection';
import { AttachmentsSection } from './AttachmentsSection';
import { ContentSection } from './ContentSection';
import { ErrorSummary } from './ErrorSummary';
import { FormContext } from './form-context';
import { focusFirstInvalid } from './issues';
import { ProcessingSection } from './ProcessingSection';
import { ReceiptSection } from './ReceiptSection';
import { RepeatsSection } from './RepeatsSection';
import { useCardForm } from './use-card-form';

/** The registration-control card (РКК): a new appeal, or a saved draft. */
export function CardFormScreen({ id }: { id: string | null }) {
  const { t } = useTranslation();
  const form = useCardForm(id);
  const formRef = useRef<HTMLFormElement>(null);
  const { load, submit, focusRequest, issues, busy, dirty } = form;
  const { settled } = useDictionaries();
  useScreenReady('form', load.phase === 'ready' && settled);

  // Focus the first invalid field whenever a submit is refused (not on every keystroke).
  const issuesRef = useRef(issues);
  issuesRef.current = issues;
  useEffect(() => {
    if (focusRequest > 0) focusFirstInvalid(formRef.current, issuesRef.current);
  }, [focusRequest]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
        e.preventDefault();
        void submit('register');
      } else if ((e.ctrlKey || e.metaKey) && e.code === 'KeyS') {
        e.preventDefault();
        void submit('save');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [submit]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  if (load.phase === 'loading') return <div className="screen-message">{t('app.loading')}</div>;
  if (load.phase === 'failed') {
    return (
      <div className="screen-message" role="alert">
        <p>{load.message}</p>
        {id && (
          <button type="button" onClick={() => navigate({ screen: 'card', id })}>
            {t('card.title')}
          </button>
        )}
      </div>
    );
  }

  const editing = form.saved.id !== null;
  return (
    <FormContext.Provider value={form}>
      <form
        ref={formRef}
        className="screen card-form"
        noValidate
        onSubmit={(e) => e.preventDefault()}
        data-testid="card-form"
        aria-busy={busy !== null}
      >
        <div className="screen-head">
          <h1>{editing ? t('form.titleEdit') : t('form.titleNew')}</h1>
          <span className="status status-draft">{t('form.draftNumber')}</span>
        </div>
        <div className="form-scroll">
          <ErrorSummary />
          <ReceiptSection />
          <ApplicantSection autoFocus={!editing} />
          <ContentSection />
          <RepeatsSection />
          <ProcessingSection />
          <AttachmentsSection />
        </div>
        <div className="form-footer">
          {form.topError && (
            <div className="form-error" role="alert" data-testid="form-top-error">
              {form.topError}
            </div>
          )}
          {dirty && !form.topError && <span className="muted small">{t('form.unsaved')}</span>}
          <span className="spacer" />
          <button
            type="button"
            onClick={() => void submit('save')}
            disabled={busy !== null}
            title="Ctrl+S"
            data-testid="save-draft-button"
          >
            {busy === 'save' ? t('form.saving') : t('form.saveDraft')}
          </button>
          <button
            type="button"
            className="primary"
            onClick={() => void submit('register')}
            disabled={busy !== null}
            title="Ctrl+Enter"
            data-testid="register-button"
          >
            {busy === 'register' ? t('form.registering') : t('form.register')} <kbd>Ctrl+Enter</kbd>
          </button>
        </div>
      </form>
    </FormContext.Provider>
  );
}
