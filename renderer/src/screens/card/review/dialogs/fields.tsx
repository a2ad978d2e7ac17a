import type { ReactNode } from 'react';
import { messagesAt, useDialogFieldProps, useDialogForm } from './dialog-form-context';

/** The errors of one field; also marks where the field's errors are shown (`data-field-slot`). */
export function FieldError({ path }: { path: string }) {
  const { issues } = useDialogForm();
  const messages = messagesAt(issues, path);
  return (
    <div className="field-error" id={`review-error-${path}`} data-field-slot={path}>
      {messages.length > 0 && (
        <div data-testid={`review-error-${path}`}>
          {messages.map((m) => (
            <div key={m}>{m}</div>
          ))}
        </div>
      )}
    </div>
  );
}

/** A labelled dialog field with its hint and errors under it. */
export function DialogField(props: {
  path: string;
  label: string;
  required?: boolean;
  hint?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div className={`field dialog-field ${props.className ?? ''}`}>
      <label htmlFor={`review-field-${props.path}`} className={props.required ? 'required' : undefined}>
        {props.label}
      </label>
      {props.children}
      {props.hint && <div className="hint">{props.hint}</div>}
      <FieldError path={props.path} />
    </div>
  );
}

export function TextAreaField(props: {
  path: string;
  label: string;
  value: string;
  onChange(value: string): void;
  required?: boolean;
  rows?: number;
  maxLength?: number;
  hint?: ReactNode;
  autoFocus?: boolean;
}) {
  const fieldProps = useDialogFieldProps(props.path);
  return (
    <DialogField path={props.path} label={props.label} required={props.required} hint={props.hint}>
      <textarea
        {...fieldProps}
        rows={props.rows ?? 4}
        maxLength={props.maxLength ?? 8000}
        value={props.value}
        autoFocus={props.autoFocus}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </DialogField>
  );
}

/** A bare date input bound to a field path (for rows that lay out their own labels). */
export function DateInput(props: { path: string; value: string; onChange(value: string): void; disabled?: boolean }) {
  const fieldProps = useDialogFieldProps(props.path);
  return (
    <input
      {...fieldProps}
      type="date"
      value={props.value}
      disabled={props.disabled}
      onChange={(e) => props.onChange(e.target.value)}
    />
  );
}

export function DateField(props: {
  path: string;
  label: string;
  value: string;
  onChange(value: string): void;
  required?: boolean;
  disabled?: boolean;
  hint?: ReactNode;
}) {
  return (
    <DialogField
      path={props.path}
      label={props.label}
      required={props.required}
      hint={props.hint}
      className="date-field"
    >
      <DateInput path={props.path} value={props.value} onChange={props.onChange} disabled={props.disabled} />
    </DialogField>
  );
}

/** A select over a list of options (people, grounds); the empty option prompts to choose. */
export function SelectField(props: {
  path: string;
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
  onChange(value: string): void;
  placeholder?: string;
  required?: boolean;
  hint?: ReactNode;
}) {
  const fieldProps = useDialogFieldProps(props.path);
  return (
    <DialogField path={props.path} label={props.label} required={props.required} hint={props.hint}>
      <select {...fieldProps} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {props.placeholder !== undefined && <option value="">{props.placeholder}</option>}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </DialogField>
  );
}
