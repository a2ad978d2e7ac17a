/** One action of a table row or a screen's head. */
export interface ActionLink {
  label: string;
  onClick(): void;
  testId?: string;
  /** Instead of the list's `className`. */
  className?: string;
}

/**
 * A row's (or a screen head's) actions as buttons side by side, link-styled unless `className` says
 * otherwise; falsy entries (actions the user may not take) are left out.
 */
export function ActionLinks({
  actions,
  className = 'link-button',
}: {
  actions: readonly (ActionLink | false | '' | null | undefined)[];
  className?: string;
}) {
  return actions
    .filter((a): a is ActionLink => Boolean(a))
    .map((a) => (
      <button
        key={a.testId ?? a.label}
        type="button"
        className={(a.className ?? className) || undefined}
        onClick={a.onClick}
        data-testid={a.testId}
      >
        {a.label}
      </button>
    ));
}
