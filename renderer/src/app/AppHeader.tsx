import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from '../components/Modal';
import { ChangePasswordForm } from '../screens/accounts/ChangePasswordForm';
import { LanguageSwitch } from './LanguageSwitch';
import { SyncIndicator } from './SyncIndicator';
import { useSession } from './session';
import { useNotify } from './toasts';

export function AppHeader({ onHelp }: { onHelp(): void }) {
  const { t } = useTranslation();
  const { info, user, logout } = useSession();
  const notify = useNotify();
  const [changing, setChanging] = useState(false);
  const roles = user.roles.map((r) => t(`roles.${r}`)).join(', ');
  return (
    <header className="header">
      <div className="header-brand">
        <span className="header-product">{t('app.product')}</span>
        <span className="header-org" data-testid="header-org">
          {info.organisation}
        </span>
      </div>
      <div className="header-tools">
        <SyncIndicator />
        <LanguageSwitch />
        <button type="button" className="link-button" onClick={onHelp} data-testid="shortcuts-button">
          {t('shell.shortcutsButton')}
        </button>
        <div className="header-user" data-testid="header-user">
          <span className="header-user-name">{user.fullName}</span>
          <span className="header-user-roles">{roles}</span>
        </div>
        <button type="button" className="link-button" onClick={() => setChanging(true)} data-testid="password-open">
          {t('accounts.password.open')}
        </button>
        <button type="button" onClick={logout} data-testid="logout-button">
          {t('shell.logout')}
        </button>
      </div>
      {changing && (
        <Modal title={t('accounts.password.title')} onClose={() => setChanging(false)} testId="password-dialog">
          <ChangePasswordForm
            login={user.login}
            forced={false}
            onChanged={() => {
              setChanging(false);
              notify(t('accounts.password.changed'), 'success');
            }}
            onAccountLocked={(message) => {
              notify(message, 'error');
              logout();
            }}
          />
        </Modal>
      )}
    </header>
  );
}
