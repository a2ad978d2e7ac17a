import type { ReactNode } from 'react';

/** One label–value line of the card; empty values show a dash. */
export function Requisite(props: { label: string; children: ReactNode; testId?: string }) {
  const c = props.children;
  const empty = c === '' || c === null || c === undefined || c === false;
  return (
    <>
      <dt>{props.label}</dt>
      <dd data-testid={props.testId} className={empty ? 'empty' : undefined}>
        {empty ? '—' : props.children}
      </dd>
    </>
  );
}
