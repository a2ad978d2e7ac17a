import type { ReactNode } from 'react';

/** One label–value line of the card; empty values show a dash. */
export function Requisite(props: { label: string; children: ReactNode; testId?: string }) {
  const empty = props.children === '' || props.children === null || props.children === undefined;
  return (
    <>
      <dt>{props.label}</dt>
      <dd data-testid={props.testId} className={empty ? 'empty' : undefined}>
        {empty ? '—' : props.children}
      </dd>
    </>
  );
}
