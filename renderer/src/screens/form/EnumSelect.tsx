import { useFieldProps } from './form-context';

/** A <select> over one closed vocabulary. */
export function EnumSelect<T extends string>(props: {
  path: string;
  values: readonly T[];
  value: T;
  label(value: T): string;
  onChange(value: T): void;
}) {
  const fieldProps = useFieldProps(props.path);
  return (
    <select
      {...fieldProps}
      value={props.value}
      onChange={(e) => {
        const picked = props.values.find((v) => v === e.target.value);
        if (picked) props.onChange(picked);
      }}
    >
      {props.values.map((v) => (
        <option key={v} value={v}>
          {props.label(v)}
        </option>
      ))}
    </select>
  );
}
