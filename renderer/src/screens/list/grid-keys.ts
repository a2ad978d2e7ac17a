export type GridKeyAction = { type: 'move'; to: number } | { type: 'search' } | { type: 'open' } | null;

/**
 * What a key does in the appeals table: arrows, PgUp/PgDn, Home/End move the selection (clamped by
 * the caller), ↑ on the first row goes back to the search box, Enter opens the selected appeal.
 */
export function gridKeyAction(key: string, active: number, count: number, pageRows: number): GridKeyAction {
  switch (key) {
    case 'ArrowDown':
      return { type: 'move', to: active + 1 };
    case 'ArrowUp':
      return active <= 0 ? { type: 'search' } : { type: 'move', to: active - 1 };
    case 'PageDown':
      return { type: 'move', to: active + pageRows };
    case 'PageUp':
      return { type: 'move', to: Math.max(0, active - pageRows) };
    case 'Home':
      return { type: 'move', to: 0 };
    case 'End':
      return { type: 'move', to: count - 1 };
    case 'Enter':
      return { type: 'open' };
    default:
      return null;
  }
}
