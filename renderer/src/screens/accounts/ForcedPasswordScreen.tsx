import { useTranslation } from 'react-i18next';
import type { User } from '../../../../shared/appeals';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import type { AppInfo } from '../../app/session';
import { useScreenReady } from '../../lib/screen';
import { ChangePasswordForm } from './ChangePasswordForm';

/** After a login with a temporary password (created or reset by the administrator): nothing else until it is changed. */
export function ForcedPasswordScreen(props: {
  info: AppInfo;
  user: User;
  onChanged(): void;
  onLogout(): void;
  onAccountLocked(message: string): void;
}) {
  const { t } = useTranslation();
  useScreenReady('changePassword');
  return (
    <div className="login-page">
      <div className="login-card" data-testid="forced-password">
        <div className="login-brand">
          <div className="login-product">{props.info.product}</div>
          <div className="login-org">{props.info.organisation}</div>
        </div>
        <h1>{t('accounts.password.forcedTitle')}</h1>
        <p className="muted">{t('accounts.password.forcedText', { name: props.user.fullName })}</p>
        <ChangePasswordForm
          login={props.user.login}
          forced
          onChanged={props.onChanged}
          onAccountLocked={props.onAccountLocked}
          actions={
            <button type="button" onClick={props.onLogout} data-testid="password-logout">
              {t('accounts.password.logout')}
            </button>
          }
        />
        <div className="login-footer">
          <span />
          <LanguageSwitch />
        </div>
      </div>
    </div>
  );
}
