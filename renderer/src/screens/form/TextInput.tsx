import { useFieldProps } from './form-context';

/** A single-line input of the card bound to its field path. */
export function TextInput(props: {
  path: string;
  value: string;
  onChange(value: string): void;
  maxLength?: number;
  placeholder?: string;
  type?: 'text' | 'email' | 'tel';
  inputMode?: 'numeric' | 'tel' | 'email' | 'text';
  autoFocus?: boolean;
  autoComplete?: string;
}) {
  const fieldProps = useFieldProps(props.path);
  return (
    <input
      {...fieldProps}
      type={props.type ?? 'text'}
      inputMode={props.inputMode}
      value={props.value}
      maxLength={props.maxLength}
      placeholder={props.placeholder}
      autoFocus={props.autoFocus}
      autoComplete={props.autoComplete ?? 'off'}
      spellCheck={false}
      onChange={(e) => props.onChange(e.target.value)}
    />
  );
}
