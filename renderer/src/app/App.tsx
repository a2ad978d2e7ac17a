import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../shared/appeals';
import { api } from '../api';
import { errorMessage, UNAUTHENTICATED_EVENT } from '../lib/api-errors';
import { ForcedPasswordScreen } from '../screens/accounts/ForcedPasswordScreen';
import { LoginScreen } from '../screens/login/LoginScreen';
import { UnlockScreen } from '../screens/login/UnlockScreen';
import { AppShell } from './AppShell';
import { setIdleLockMinutes, useIdleLock } from './idle-lock';
import { LockScreen } from './LockScreen';
import { type AppInfo, SessionProvider } from './session';
import { ToastProvider, useNotify } from './toasts';

type Boot =
  | { phase: 'starting' }
  | { phase: 'failed'; message: string }
  /** Browser mode on an encrypted folder started without its passphrase (decision 014). */
  | { phase: 'locked' }
  | { phase: 'ready'; info: AppInfo };

function Root() {
  const { t } = useTranslation();
  const notify = useNotify();
  const [boot, setBoot] = useState<Boot>({ phase: 'starting' });
  const [user, setUser] = useState<User | null>(null);
  /** Whether the logged-in user must change a temporary password first (null while asking). */
  const [mustChange, setMustChange] = useState<boolean | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let alive = true;
    void attempt;
    api
      .call('app:status', {})
      .then(async ({ locked }) => {
        if (locked) return alive && setBoot({ phase: 'locked' });
        const [info, me] = await Promise.all([api.call('app:info', {}), api.call('auth:me', {})]);
        if (!alive) return;
        setUser(me);
        setBoot({ phase: 'ready', info });
      })
      .catch((err: unknown) => alive && setBoot({ phase: 'failed', message: errorMessage(err) }));
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

  useEffect(() => {
    let alive = true;
    setMustChange(null);
    if (!user) return;
    api.call('account:status', {}).then(
      (status) => {
        if (!alive) return;
        setIdleLockMinutes(status.idleLockMinutes);
        setMustChange(status.mustChangePassword);
      },
      (err: unknown) => {
        if (!alive) return;
        notify(errorMessage(err), 'error');
        setUser(null);
      },
    );
    return () => {
      alive = false;
    };
  }, [user, notify]);

  const idle = useIdleLock(user !== null && mustChange === false);
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
  const lockedWhileChanging = useCallback(
    (message: string) => {
      notify(message, 'error');
      accountLocked();
    },
    [accountLocked, notify],
  );

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
  if (boot.phase === 'locked') return <UnlockScreen onUnlocked={() => setAttempt((n) => n + 1)} />;
  if (!user) return <LoginScreen info={boot.info} onLoggedIn={setUser} />;
  if (mustChange === null) return <div className="boot">{t('app.loading')}</div>;
  if (mustChange) {
    return (
      <ForcedPasswordScreen
        info={boot.info}
        user={user}
        onChanged={() => {
          notify(t('accounts.password.changed'), 'success');
          setMustChange(false);
        }}
        onLogout={logout}
        onAccountLocked={lockedWhileChanging}
      />
    );
  }
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
