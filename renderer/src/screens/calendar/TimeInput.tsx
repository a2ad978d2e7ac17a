import { useTranslation } from 'react-i18next';
import { isClock } from './hours-form';

/** 'HH:MM', 24-hour, whatever the OS locale (a native time input shows AM/PM on some systems). */
export function TimeInput(props: {
  value: string;
  onChange(value: string): void;
  label: string;
  testId: string;
  disabled?: boolean;
  invalid?: boolean;
}) {
  const { t } = useTranslation();
  const invalid = props.invalid || (props.value !== '' && !isClock(props.value));
  return (
    <input
      className="time-input"
      inputMode="numeric"
      maxLength={5}
      placeholder={t('calendar.hours.placeholder')}
      value={props.value}
      disabled={props.disabled}
      onChange={(e) => props.onChange(e.target.value.trim())}
      aria-label={props.label}
      aria-invalid={invalid}
      data-testid={props.testId}
    />
  );
}
