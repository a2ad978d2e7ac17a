import { useTranslation } from 'react-i18next';

/** A screen's data that failed to load: the message and «Повторить». */
export function RetryBanner({ message, onRetry }: { message: string; onRetry(): void }) {
  const { t } = useTranslation();
  return (
    <div className="banner banner-error" role="alert">
      {message}{' '}
      <button type="button" className="link-button" onClick={onRetry}>
        {t('app.retry')}
      </button>
    </div>
  );
}
