import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMinskRu } from '../../../../shared/calendar';
import type { Account } from '../../../../shared/security/accounts';
import { api } from '../../api';
import { useSession } from '../../app/session';
import { useNotify } from '../../app/toasts';
import { ActionLinks } from '../../components/ActionLinks';
import { FormFooter } from '../../components/FormFooter';
import { Modal } from '../../components/Modal';
import { detailedErrorMessage, reportIfUnauthenticated } from '../../lib/api-errors';
import { formatCount } from '../../lib/format';
import { useScreenReady } from '../../lib/screen';
import { useLoaded } from '../../lib/use-loaded';
import { AccountDialog, type AccountFields } from './AccountDialog';
import { CertificateBindingDialog } from './CertificateBindingDialog';
import { IdleLockSettings } from './IdleLockSettings';

type Dialog =
  | { kind: 'create' }
  | { kind: 'edit'; account: Account }
  | { kind: 'confirm'; text: string; run(): Promise<void> }
  | { kind: 'temporary'; login: string; password: string }
  | { kind: 'certificate'; account: Account };

/**
 * «Пользователи» (issue #10): the administrator creates local accounts with roles, edits roles and
 * details, deactivates, resets passwords (a temporary one, changed at the next login) and lifts lockouts
 * (regulation 6.3), binds the certificate for «Войти по ЭЦП». Every change is recorded in the security log
 * by the service.
 */
export function UsersScreen() {
  const { t } = useTranslation();
  const notify = useNotify();
  const { user } = useSession();
  const [version, setVersion] = useState(0);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const loaded = useLoaded(String(version), () => api.call('accounts:list', {}));
  const accounts = loaded.value?.accounts ?? null;
  useScreenReady('users', accounts !== null && loaded.current);

  const close = () => {
    setDialog(null);
    setError(null);
  };
  /** Runs a change; on success reloads the list and shows what follows (a temporary password, a toast). */
  const run = async (work: () => Promise<Dialog | string | null>) => {
    setBusy(true);
    setError(null);
    try {
      const next = await work();
      setVersion((v) => v + 1);
      if (typeof next === 'string') {
        notify(next, 'success');
        setDialog(null);
      } else setDialog(next);
    } catch (err) {
      reportIfUnauthenticated(err);
      setError(detailedErrorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const submitAccount = (account: Account | null) => (fields: AccountFields) =>
    run(async () => {
      const details = { fullName: fields.fullName, position: fields.position, roles: fields.roles };
      if (account) {
        await api.call('accounts:update', { id: account.id, ...details });
        return t('accounts.users.saved');
      }
      const created = await api.call('accounts:create', { login: fields.login, ...details });
      return { kind: 'temporary', login: fields.login.trim().toLowerCase(), password: created.temporaryPassword };
    });

  const resetPassword = (a: Account) =>
    setDialog({
      kind: 'confirm',
      text: t('accounts.users.confirmReset', { login: a.login }),
      run: () =>
        run(async () => {
          const { temporaryPassword } = await api.call('accounts:resetPassword', { id: a.id });
          return { kind: 'temporary', login: a.login, password: temporaryPassword };
        }),
    });
  const setDisabled = (a: Account, disabled: boolean) => {
    const change = () =>
      run(async () => {
        await api.call('accounts:setDisabled', { id: a.id, disabled });
        return t('accounts.users.saved');
      });
    if (disabled)
      setDialog({ kind: 'confirm', text: t('accounts.users.confirmDisable', { login: a.login }), run: change });
    else void change();
  };
  const unlock = (a: Account) =>
    void run(async () => {
      await api.call('security:unlock', { login: a.login });
      return t('accounts.users.unlocked', { login: a.login });
    });

  const state = (a: Account) => {
    const parts = [a.disabled ? t('accounts.users.state.disabled') : t('accounts.users.state.active')];
    if (a.lockedUntil) parts.push(t('accounts.users.state.locked', { time: formatMinskRu(new Date(a.lockedUntil)) }));
    if (a.mustChangePassword) parts.push(t('accounts.users.state.mustChange'));
    return parts.join(', ');
  };

  return (
    <section className="screen users-screen" aria-labelledby="users-title" data-testid="users-screen">
      <div className="screen-head">
        <h1 id="users-title">{t('accounts.users.title')}</h1>
        {accounts && (
          <span className="list-total">{t('accounts.users.count', { n: formatCount(accounts.length) })}</span>
        )}
        <span className="spacer" />
        <button
          type="button"
          className="primary"
          onClick={() => setDialog({ kind: 'create' })}
          data-testid="user-create"
        >
          {t('accounts.users.create')}
        </button>
      </div>
      <IdleLockSettings />
      {loaded.error && (
        <p className="banner banner-error" role="alert">
          {t('accounts.users.loadError', { message: loaded.error })}
        </p>
      )}
      {error && !dialog && (
        <p className="banner banner-error" role="alert" data-testid="users-error">
          {error}
        </p>
      )}
      <div className="tasks-scroll">
        <table className="table users-table">
          <thead>
            <tr>
              {(['login', 'fullName', 'position', 'roles', 'state', 'actions'] as const).map((c) => (
                <th key={c} scope="col">
                  {t(`accounts.users.columns.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {(accounts ?? []).map((a) => (
              <tr key={a.id} data-testid={`user-row-${a.login}`} className={a.disabled ? 'muted' : undefined}>
                <td className="code">{a.login}</td>
                <td>{a.fullName}</td>
                <td>{a.position}</td>
                <td data-testid="user-roles">{a.roles.map((r) => t(`roles.${r}`)).join(', ')}</td>
                <td data-testid="user-state">{state(a)}</td>
                <td className="actions">
                  <ActionLinks
                    actions={[
                      {
                        label: t('accounts.users.edit'),
                        onClick: () => setDialog({ kind: 'edit', account: a }),
                        testId: 'user-edit',
                      },
                      { label: t('accounts.users.reset'), onClick: () => resetPassword(a), testId: 'user-reset' },
                      {
                        label: t('certLogin.bind.action'),
                        onClick: () => setDialog({ kind: 'certificate', account: a }),
                        testId: 'user-certificate',
                      },
                      a.lockedUntil && {
                        label: t('accounts.users.unlock'),
                        onClick: () => unlock(a),
                        testId: 'user-unlock',
                      },
                      a.id !== user.id && {
                        label: a.disabled ? t('accounts.users.enable') : t('accounts.users.disable'),
                        onClick: () => setDisabled(a, !a.disabled),
                        testId: a.disabled ? 'user-enable' : 'user-disable',
                      },
                    ]}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {(dialog?.kind === 'create' || dialog?.kind === 'edit') && (
        <AccountDialog
          account={dialog.kind === 'edit' ? dialog.account : null}
          error={error}
          busy={busy}
          onSubmit={submitAccount(dialog.kind === 'edit' ? dialog.account : null)}
          onClose={close}
        />
      )}
      {dialog?.kind === 'certificate' && <CertificateBindingDialog account={dialog.account} onClose={close} />}
      {dialog?.kind === 'confirm' && (
        <Modal title={t('accounts.users.title')} onClose={close} testId="user-confirm">
          <p>{dialog.text}</p>
          <FormFooter
            error={error}
            actionsClassName="dialog-actions"
            main={{ label: t('app.yes'), busy, onClick: () => void dialog.run(), testId: 'user-confirm-yes' }}
          >
            <button type="button" onClick={close}>
              {t('accounts.users.form.cancel')}
            </button>
          </FormFooter>
        </Modal>
      )}
      {dialog?.kind === 'temporary' && (
        <Modal title={t('accounts.users.temporary.title')} onClose={close} testId="temporary-password">
          <p>{t('accounts.users.temporary.text', { login: dialog.login })}</p>
          <p className="temporary-password code" data-testid="temporary-password-value">
            {dialog.password}
          </p>
          <div className="dialog-actions">
            <button type="button" className="primary" onClick={close} data-testid="temporary-password-done">
              {t('accounts.users.temporary.done')}
            </button>
          </div>
        </Modal>
      )}
    </section>
  );
}
