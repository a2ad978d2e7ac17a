import { useTranslation } from 'react-i18next';
import { formatCount } from '../lib/format';
import { navigate, type Route } from '../lib/router';
import { useSyncStatus } from './SyncStatusProvider';

export function SideNav({ route, canRegister }: { route: Route; canRegister: boolean }) {
  const { t } = useTranslation();
  const inList = route.screen === 'list' || route.screen === 'card';
  const inCalendar = route.screen === 'calendar';
  const inAttention = route.screen === 'attention';
  const inTasks = route.screen === 'tasks';
  const attention = useSyncStatus().status?.rejected.length ?? 0;
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
      <a
        href="#/about"
        className={route.screen === 'about' ? 'nav-item active' : 'nav-item'}
        aria-current={route.screen === 'about' ? 'page' : undefined}
        data-testid="nav-about"
      >
        {t('release.nav')}
      </a>
    </nav>
  );
}
