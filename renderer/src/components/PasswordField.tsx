/** A labelled password input (the password change, the idle lock). */
export function PasswordField(props: {
  label: string;
  value: string;
  onChange(value: string): void;
  testId: string;
  autoComplete: 'current-password' | 'new-password';
  autoFocus?: boolean;
}) {
  return (
    <label className="stack-field">
      <span>{props.label}</span>
      <input
        type="password"
        autoComplete={props.autoComplete}
        autoFocus={props.autoFocus}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        data-testid={props.testId}
      />
    </label>
  );
}
