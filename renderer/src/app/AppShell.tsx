import { useEffect, useState } from 'react';
import { navigate, useRoute } from '../lib/router';
import { AboutScreen } from '../screens/about/AboutScreen';
import { ReleaseNotesAfterUpdate } from '../screens/about/ReleaseNotes';
import { AttentionScreen } from '../screens/attention/AttentionScreen';
import { CalendarScreen } from '../screens/calendar/CalendarScreen';
import { AppealCardScreen } from '../screens/card/AppealCardScreen';
import { CardFormScreen } from '../screens/form/CardFormScreen';
import { AppealsListScreen } from '../screens/list/AppealsListScreen';
import { EMPTY_FILTERS, type ListFilters } from '../screens/list/list-query';
import { TasksScreen } from '../screens/tasks/TasksScreen';
import { AppHeader } from './AppHeader';
import { ShortcutsHelp } from './ShortcutsHelp';
import { SideNav } from './SideNav';
import { SyncStatusProvider } from './SyncStatusProvider';
import { useSession } from './session';

/** Header, left navigation and the current screen; global shortcuts live here. */
export function AppShell() {
  const { route, key } = useRoute();
  const [filters, setFilters] = useState<ListFilters>(EMPTY_FILTERS);
  const [helpOpen, setHelpOpen] = useState(false);
  // Only the clerk registers appeals [3.3, 4.4]: the others do not see «Новое обращение» at all.
  const canRegister = useSession().user?.roles.includes('clerk') ?? false;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const newCard = (e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.code === 'KeyN';
      const newCardAlt = e.altKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyN';
      if ((newCard || newCardAlt) && canRegister) {
        e.preventDefault();
        navigate({ screen: 'new' });
      } else if (e.key === 'F1') {
        e.preventDefault();
        setHelpOpen((open) => !open);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [canRegister]);

  let screen: React.ReactNode;
  switch (route.screen) {
    case 'new':
      screen = <CardFormScreen key={key} id={null} />;
      break;
    case 'edit':
      screen = <CardFormScreen key={key} id={route.id} />;
      break;
    case 'card':
      screen = <AppealCardScreen key={key} id={route.id} />;
      break;
    case 'calendar':
      screen = <CalendarScreen key={key} />;
      break;
    case 'attention':
      screen = <AttentionScreen key={key} />;
      break;
    case 'about':
      screen = <AboutScreen key={key} />;
      break;
    case 'tasks':
      screen = <TasksScreen list={route.list} />;
      break;
    default:
      screen = <AppealsListScreen filters={filters} onFiltersChange={setFilters} />;
  }

  return (
    <SyncStatusProvider>
      <div className="shell">
        <AppHeader onHelp={() => setHelpOpen(true)} />
        <SideNav route={route} canRegister={canRegister} />
        <main className="main">{screen}</main>
        {helpOpen && <ShortcutsHelp onClose={() => setHelpOpen(false)} />}
        <ReleaseNotesAfterUpdate />
      </div>
    </SyncStatusProvider>
  );
}
