import type { ReactNode } from 'react';

/** The main button of a form: its submit, or with `onClick` a plain button (a panel that is no form). */
export interface MainAction {
  label: string;
  testId?: string;
  busy?: boolean;
  /** Shown instead of `label` while `busy`. */
  busyLabel?: string;
  onClick?(): void;
}

/**
 * The end of a small form (password, lock, account, settings): its error as an alert, then its actions —
 * the main one (primary) first, then `children` (cancel, log out…).
 */
export function FormFooter(props: {
  error: string | null;
  errorTestId?: string;
  /** `form-error` unless said otherwise. */
  errorClassName?: string;
  actionsClassName: string;
  main: MainAction;
  children?: ReactNode;
}) {
  const { main } = props;
  return (
    <>
      {props.error && (
        <div className={props.errorClassName ?? 'form-error'} role="alert" data-testid={props.errorTestId}>
          {props.error}
        </div>
      )}
      <div className={props.actionsClassName}>
        <button
          type={main.onClick ? 'button' : 'submit'}
          className="primary"
          disabled={main.busy}
          onClick={main.onClick}
          data-testid={main.testId}
        >
          {main.busy && main.busyLabel ? main.busyLabel : main.label}
        </button>
        {props.children}
      </div>
    </>
  );
}
