import type { ReactNode } from 'react';
import { FieldErrors } from './FieldErrors';

export type Span = 2 | 3 | 4 | 5 | 6 | 8 | 12;

/** A labelled field in the form grid with its errors under it. */
export function Field(props: { path: string; label: string; span: Span; required?: boolean; children: ReactNode }) {
  return (
    <div className={`field span-${props.span}`}>
      <label htmlFor={`field-${props.path}`} className={props.required ? 'required' : undefined}>
        {props.label}
      </label>
      {props.children}
      <FieldErrors path={props.path} />
    </div>
  );
}
