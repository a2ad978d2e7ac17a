import { useTranslation } from 'react-i18next';
import { canViewReports } from '../../../shared/reports/definition';
import { formatCount } from '../lib/format';
import { navigate, type Route } from '../lib/router';
import { useSyncStatus } from './SyncStatusProvider';
import { useSession } from './session';

export function SideNav({ route, canRegister, isAdmin }: { route: Route; canRegister: boolean; isAdmin: boolean }) {
  const { t } = useTranslation();
  const inList = route.screen === 'list' || route.screen === 'card';
  const inCalendar = route.screen === 'calendar';
  const inAttention = route.screen === 'attention';
  const inTasks = route.screen === 'tasks';
  const attention = useSyncStatus().status?.rejected.length ?? 0;
  const reports = canViewReports(useSession().user?.roles ?? []);
  const inReports = route.screen === 'reports';
  const adminLink = (screen: 'users' | 'securityLog', href: string, label: string) => (
    <a
      href={href}
      className={route.screen === screen ? 'nav-item active' : 'nav-item'}
      aria-current={route.screen === screen ? 'page' : undefined}
      data-testid={`nav-${screen}`}
    >
      {label}
    </a>
  );
  return (
    <nav className="sidenav" aria-label={t('shell.navLabel')}>
      <a
        href="#/appeals"
        className={inList ? 'nav-item active' : 'nav-item'}
        aria-current={inList ? 'page' : undefined}
        data-testid="nav-appeals"
      >
        {t('shell.appeals')}
      </a>
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
      <a
        href="#/tasks"
        className={inTasks ? 'nav-item active' : 'nav-item'}
        aria-current={inTasks ? 'page' : undefined}
        data-testid="nav-tasks"
      >
        {t('shell.tasks')}
      </a>
      <a
        href="#/attention"
        className={inAttention ? 'nav-item nav-group active' : 'nav-item nav-group'}
        aria-current={inAttention ? 'page' : undefined}
        data-testid="nav-attention"
      >
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
      </a>
      <a
        href="#/calendar"
        className={inCalendar ? 'nav-item active' : 'nav-item'}
        aria-current={inCalendar ? 'page' : undefined}
        data-testid="nav-calendar"
      >
        {t('shell.calendar')}
      </a>
      {reports && (
        <a
          href="#/reports"
          className={inReports ? 'nav-item active' : 'nav-item'}
          aria-current={inReports ? 'page' : undefined}
          data-testid="nav-reports"
        >
          {t('shell.reports')}
        </a>
      )}
      {isAdmin && adminLink('users', '#/users', t('accounts.nav.users'))}
      {isAdmin && adminLink('securityLog', '#/security-log', t('accounts.nav.securityLog'))}
      {isAdmin && (
        <a
          href="#/backups"
          className={route.screen === 'backups' ? 'nav-item active' : 'nav-item'}
          aria-current={route.screen === 'backups' ? 'page' : undefined}
          data-testid="nav-backups"
        >
          {t('data.backups.nav')}
        </a>
      )}
      <a
        href="#/about"
        className={route.screen === 'about' ? 'nav-item active' : 'nav-item'}
        aria-current={route.screen === 'about' ? 'page' : undefined}
        data-testid="nav-about"
      >
        {t('release.nav')}
      </a>
      {isAdmin && (
        <a
          href="#/settings/connection"
          className={route.screen === 'connection' ? 'nav-item active' : 'nav-item'}
          aria-current={route.screen === 'connection' ? 'page' : undefined}
          data-testid="nav-connection"
        >
          {t('syncUi.connection.nav')}
        </a>
      )}
    </nav>
  );
}
