import { useEffect, useState } from 'react';
import { TASK_LISTS, type TaskList } from '../../../shared/review/view';

/** Screens behind the login, addressed by the URL hash so the browser's Back works in browser mode. */
export type Route =
  | { screen: 'list' }
  | { screen: 'new' }
  | { screen: 'edit'; id: string }
  | { screen: 'card'; id: string }
  | { screen: 'calendar' }
  | { screen: 'attention' }
  | { screen: 'about' }
  /** «Задачи» [4.9]; without a list the first tab the user may see. */
  | { screen: 'tasks'; list?: TaskList };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  if (path === '/new') return { screen: 'new' };
  if (path === '/calendar') return { screen: 'calendar' };
  if (path === '/attention') return { screen: 'attention' };
  if (path === '/about') return { screen: 'about' };
  if (path === '/tasks') return { screen: 'tasks' };
  const tasks = /^\/tasks\/([A-Za-z]+)$/.exec(path);
  const list = TASK_LISTS.find((l) => l === tasks?.[1]);
  if (list) return { screen: 'tasks', list };
  const edit = /^\/appeals\/([^/]+)\/edit$/.exec(path);
  if (edit?.[1]) return { screen: 'edit', id: decodeURIComponent(edit[1]) };
  const card = /^\/appeals\/([^/]+)$/.exec(path);
  if (card?.[1]) return { screen: 'card', id: decodeURIComponent(card[1]) };
  return { screen: 'list' };
}

export function routeHash(route: Route): string {
  switch (route.screen) {
    case 'new':
      return '#/new';
    case 'calendar':
      return '#/calendar';
    case 'attention':
      return '#/attention';
    case 'about':
      return '#/about';
    case 'tasks':
      return route.list ? `#/tasks/${route.list}` : '#/tasks';
    case 'edit':
      return `#/appeals/${encodeURIComponent(route.id)}/edit`;
    case 'card':
      return `#/appeals/${encodeURIComponent(route.id)}`;
    default:
      return '#/appeals';
  }
}

/**
 * Goes to a route. Going to the route already shown re-opens it (Ctrl+N on a new card gives a blank one).
 * `silent` only rewrites the address (a new card that got its id on saving stays mounted as it is).
 */
export function navigate(route: Route, opts: { silent?: boolean } = {}): void {
  const hash = routeHash(route);
  if (opts.silent) history.replaceState(null, '', hash);
  else if (window.location.hash === hash) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else window.location.hash = hash;
}

export interface RouteState {
  route: Route;
  /** Changes on every navigation, even to the same route: the screen is keyed on it. */
  key: number;
}

export function useRoute(): RouteState {
  const [state, setState] = useState<RouteState>(() => ({ route: parseRoute(window.location.hash), key: 0 }));
  useEffect(() => {
    const onChange = () => setState((s) => ({ route: parseRoute(window.location.hash), key: s.key + 1 }));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return state;
}
