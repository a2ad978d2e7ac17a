import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch';
import { SyncIndicator } from './SyncIndicator';
import { useSession } from './session';

export function AppHeader({ onHelp }: { onHelp(): void }) {
  const { t } = useTranslation();
  const { info, user, logout } = useSession();
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
        <button type="button" onClick={logout} data-testid="logout-button">
          {t('shell.logout')}
        </button>
      </div>
    </header>
  );
}
