/** A labelled password input (the password change, the idle lock). */
export function PasswordField(props: {
  label: string;
  value: string;
  onChange(value: string): void;
  testId: string;
  /** A password being chosen (`autocomplete="new-password"`), not the current one. */
  isNew?: boolean;
  autoFocus?: boolean;
}) {
  return (
    <label className="stack-field">
      <span>{props.label}</span>
      <input
        type="password"
        autoComplete={props.isNew ? 'new-password' : 'current-password'}
        autoFocus={props.autoFocus}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        data-testid={props.testId}
      />
    </label>
  );
}
