import { useEffect } from 'react';

export type ScreenName =
  | 'login'
  | 'unlock'
  | 'list'
  | 'form'
  | 'card'
  | 'calendar'
  | 'attention'
  | 'tasks'
  | 'changePassword'
  | 'users'
  | 'securityLog'
  | 'reports'
  | 'backups'
  | 'about'
  | 'connection';

/**
 * Marks the rendered screen on `<body data-screen>` once it is ready (its data loaded), so end-to-end
 * tests wait for this event instead of sleeping. Cleared when the screen goes away.
 */
export function useScreenReady(name: ScreenName, ready = true): void {
  useEffect(() => {
    if (!ready) return;
    document.body.dataset.screen = name;
    return () => {
      if (document.body.dataset.screen === name) delete document.body.dataset.screen;
    };
  }, [name, ready]);
}
