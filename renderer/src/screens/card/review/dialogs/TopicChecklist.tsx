import { TopicName } from '../TopicName';

/** Checkboxes over some of the appeal's questions (a partial redirect, an executor's questions). */
export function TopicChecklist(props: {
  path: string;
  codes: readonly string[];
  chosen: readonly string[];
  onChange(chosen: string[]): void;
  testIdPrefix: string;
  inline?: boolean;
}) {
  return (
    <ul className={props.inline ? 'plain-list topic-choice inline' : 'plain-list topic-choice'}>
      {props.codes.map((code) => (
        <li key={code}>
          <label>
            <input
              type="checkbox"
              checked={props.chosen.includes(code)}
              onChange={(e) =>
                props.onChange(e.target.checked ? [...props.chosen, code] : props.chosen.filter((c) => c !== code))
              }
              data-field={props.path}
              data-testid={`${props.testIdPrefix}-${code}`}
            />
            <TopicName code={code} />
          </label>
        </li>
      ))}
    </ul>
  );
}
