/** The end of an entry form (password, ЭЦП, unlock): its error as an alert, then the full-width submit. */
export function LoginSubmit(props: {
  error: string | null;
  /** `<testId>-error` and `<testId>-submit`. */
  testId: string;
  busy: boolean;
  disabled?: boolean;
  label: string;
  busyLabel: string;
}) {
  return (
    <>
      {props.error && (
        <div className="form-error" role="alert" data-testid={`${props.testId}-error`}>
          {props.error}
        </div>
      )}
      <button
        type="submit"
        className="primary login-submit"
        disabled={props.busy || props.disabled}
        data-testid={`${props.testId}-submit`}
      >
        {props.busy ? props.busyLabel : props.label}
      </button>
    </>
  );
}
