import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { setIdleLockMinutes } from '../../app/idle-lock';
import { useNotify } from '../../app/toasts';
import { detailedErrorMessage, errorMessage, reportIfUnauthenticated } from '../../lib/api-errors';

/** Regulation 6.3: the administrator sets the idle time before a session locks (15 minutes by default). */
export function IdleLockSettings() {
  const { t } = useTranslation();
  const notify = useNotify();
  const [minutes, setMinutes] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.call('accounts:settings', {}).then(
      (s) => setMinutes(String(s.idleLockMinutes)),
      (err: unknown) => {
        reportIfUnauthenticated(err);
        setError(errorMessage(err));
      },
    );
  }, []);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await api.call('accounts:saveSettings', { idleLockMinutes: Number(minutes) });
      setIdleLockMinutes(Number(minutes));
      notify(t('accounts.users.settings.saved'), 'success');
    } catch (err) {
      reportIfUnauthenticated(err);
      setError(detailedErrorMessage(err));
    }
  };

  return (
    <form className="idle-settings" onSubmit={save} noValidate data-testid="idle-settings">
      <h2>{t('accounts.users.settings.title')}</h2>
      <label className="filter">
        <span>{t('accounts.users.settings.idle')}</span>
        <input
          type="number"
          min={1}
          max={120}
          value={minutes}
          onChange={(e) => setMinutes(e.target.value)}
          data-testid="idle-minutes"
        />
      </label>
      <button type="submit" data-testid="idle-save">
        {t('accounts.users.settings.save')}
      </button>
      <span className="muted small">{t('accounts.users.settings.hint')}</span>
      {error && (
        <span className="form-error" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}
