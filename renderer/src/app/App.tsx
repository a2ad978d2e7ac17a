import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../shared/appeals';
import { api } from '../api';
import { errorMessage, UNAUTHENTICATED_EVENT } from '../lib/api-errors';
import { LoginScreen } from '../screens/login/LoginScreen';
import { AppShell } from './AppShell';
import { useIdleLock } from './idle-lock';
import { LockScreen } from './LockScreen';
import { type AppInfo, SessionProvider } from './session';
import { ToastProvider, useNotify } from './toasts';

type Boot = { phase: 'starting' } | { phase: 'failed'; message: string } | { phase: 'ready'; info: AppInfo };

function Root() {
  const { t } = useTranslation();
  const notify = useNotify();
  const [boot, setBoot] = useState<Boot>({ phase: 'starting' });
  const [user, setUser] = useState<User | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let alive = true;
    void attempt;
    Promise.all([api.call('app:info', {}), api.call('auth:me', {})]).then(
      ([info, me]) => {
        if (!alive) return;
        setUser(me);
        setBoot({ phase: 'ready', info });
      },
      (err: unknown) => alive && setBoot({ phase: 'failed', message: errorMessage(err) }),
    );
    return () => {
      alive = false;
    };
  }, [attempt]);

  useEffect(() => {
    const onLost = () => {
      setUser((current) => {
        if (current) notify(t('app.sessionExpired'), 'error');
        return null;
      });
    };
    window.addEventListener(UNAUTHENTICATED_EVENT, onLost);
    return () => window.removeEventListener(UNAUTHENTICATED_EVENT, onLost);
  }, [notify, t]);

  const idle = useIdleLock(user !== null);
  const { unlock } = idle;
  const logout = useCallback(() => {
    api
      .call('auth:logout', {})
      .catch(() => undefined)
      .finally(() => {
        setUser(null);
        unlock();
      });
  }, [unlock]);
  const accountLocked = useCallback(() => {
    setUser(null);
    unlock();
  }, [unlock]);

  if (boot.phase === 'starting') return <div className="boot">{t('app.loading')}</div>;
  if (boot.phase === 'failed') {
    return (
      <div className="boot boot-failed" role="alert">
        <h1>{t('app.startFailed')}</h1>
        <p>{boot.message}</p>
        <button type="button" onClick={() => setAttempt((n) => n + 1)}>
          {t('app.retry')}
        </button>
      </div>
    );
  }
  if (!user) return <LoginScreen info={boot.info} onLoggedIn={setUser} />;
  return (
    <SessionProvider info={boot.info} user={user} onLogout={logout}>
      <AppShell />
      {idle.locked && <LockScreen onUnlocked={unlock} onAccountLocked={accountLocked} />}
    </SessionProvider>
  );
}

export function App() {
  return (
    <ToastProvider>
      <Root />
    </ToastProvider>
  );
}
