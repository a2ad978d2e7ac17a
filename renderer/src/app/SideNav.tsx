import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { canViewReports } from '../../../shared/reports/definition';
import { formatCount } from '../lib/format';
import { navigate, type Route, routeHash } from '../lib/router';
import { useSyncStatus } from './SyncStatusProvider';
import { useSession } from './session';

type PlainScreen = Exclude<Route['screen'], 'card' | 'edit' | 'tasks'>;

/** One entry of the side navigation: its screen's address, highlighted while that screen is shown. */
function NavLink(props: {
  to: PlainScreen | 'tasks';
  active: boolean;
  testId: string;
  group?: boolean;
  children: ReactNode;
}) {
  const base = props.group ? 'nav-item nav-group' : 'nav-item';
  return (
    <a
      href={routeHash({ screen: props.to } as Route)}
      className={props.active ? `${base} active` : base}
      aria-current={props.active ? 'page' : undefined}
      data-testid={props.testId}
    >
      {props.children}
    </a>
  );
}

export function SideNav({ route, canRegister, isAdmin }: { route: Route; canRegister: boolean; isAdmin: boolean }) {
  const { t } = useTranslation();
  const attention = useSyncStatus().status?.rejected.length ?? 0;
  const reports = canViewReports(useSession().user?.roles ?? []);
  const link = (screen: PlainScreen | 'tasks', testId: string, label: string) => (
    <NavLink to={screen} active={route.screen === screen} testId={testId}>
      {label}
    </NavLink>
  );
  return (
    <nav className="sidenav" aria-label={t('shell.navLabel')}>
      <NavLink to="list" active={route.screen === 'list' || route.screen === 'card'} testId="nav-appeals">
        {t('shell.appeals')}
      </NavLink>
      {canRegister && (
        <button
          type="button"
          className={route.screen === 'new' ? 'nav-item nav-new active' : 'nav-item nav-new'}
          onClick={() => navigate({ screen: 'new' })}
          data-testid="new-appeal-button"
          title="Ctrl+N"
        >
          <span>+ {t('shell.newAppeal')}</span>
          <kbd>Ctrl+N</kbd>
        </button>
      )}
      {link('tasks', 'nav-tasks', t('shell.tasks'))}
      <NavLink to="attention" active={route.screen === 'attention'} testId="nav-attention" group>
        <span className="nav-label">{t('shell.attention')}</span>
        {attention > 0 && (
          <span
            className="nav-badge"
            data-testid="nav-attention-count"
            title={t('shell.attentionCount', { n: formatCount(attention) })}
          >
            {formatCount(attention)}
          </span>
        )}
      </NavLink>
      {link('calendar', 'nav-calendar', t('shell.calendar'))}
      {reports && link('reports', 'nav-reports', t('shell.reports'))}
      {isAdmin && link('users', 'nav-users', t('accounts.nav.users'))}
      {isAdmin && link('securityLog', 'nav-securityLog', t('accounts.nav.securityLog'))}
      {isAdmin && link('backups', 'nav-backups', t('data.backups.nav'))}
      {isAdmin && link('connection', 'nav-connection', t('syncUi.connection.nav'))}
      {link('about', 'nav-about', t('release.nav'))}
    </nav>
  );
}
