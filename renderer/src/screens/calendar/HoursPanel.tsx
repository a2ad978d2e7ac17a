import { useTranslation } from 'react-i18next';
import type { WorkWeekday } from '../../../../shared/calendar/working-hours';
import { type DayForm, type HoursForm, type HoursKey, WORK_WEEKDAYS } from './hours-form';
import { TimeInput } from './TimeInput';

interface Props {
  form: HoursForm;
  onChange(form: HoursForm): void;
  readOnly: boolean;
}

const FIELDS = ['start', 'end', 'lunchStart', 'lunchEnd'] as const;
const TEST_SUFFIX: Record<(typeof FIELDS)[number], string> = {
  start: 'start',
  end: 'end',
  lunchStart: 'lunch-start',
  lunchEnd: 'lunch-end',
};

function TimeCells(props: { day: DayForm; dayKey: HoursKey; onChange(day: DayForm): void; readOnly: boolean }) {
  const { t } = useTranslation();
  const prefix = props.dayKey === 'default' ? 'calendar-hours' : `calendar-hours-${props.dayKey}`;
  return (
    <>
      {FIELDS.map((field) => (
        <td key={field}>
          <TimeInput
            value={props.day[field]}
            disabled={props.readOnly}
            onChange={(value) => props.onChange({ ...props.day, [field]: value })}
            label={`${t(`calendar.weekdays.${props.dayKey}`)}: ${t(`calendar.hours.${field}`)}`}
            testId={`${prefix}-${TEST_SUFFIX[field]}`}
          />
        </td>
      ))}
    </>
  );
}

const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** «Часы работы»: the usual working day with its lunch break, and weekdays with other hours. */
export function HoursPanel({ form, onChange, readOnly }: Props) {
  const { t } = useTranslation();
  const setDay = (key: WorkWeekday, day: DayForm | null) => onChange({ ...form, days: { ...form.days, [key]: day } });
  return (
    <section className="card-block cal-panel" data-testid="calendar-hours" aria-labelledby="cal-hours-title">
      <h2 id="cal-hours-title">{t('calendar.hours.title')}</h2>
      <table className="cal-hours">
        <thead>
          <tr>
            <th scope="col" />
            {FIELDS.map((field) => (
              <th key={field} scope="col">
                {t(`calendar.hours.${field}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{capitalised(t('calendar.weekdays.default'))}</th>
            <TimeCells
              day={form.default}
              dayKey="default"
              readOnly={readOnly}
              onChange={(day) => onChange({ ...form, default: day })}
            />
          </tr>
          {WORK_WEEKDAYS.map((key) => {
            const day = form.days[key];
            return (
              <tr key={key} className={day ? undefined : 'cal-hours-usual'}>
                <th scope="row">
                  <label>
                    <input
                      type="checkbox"
                      checked={day !== null}
                      disabled={readOnly}
                      onChange={(e) => setDay(key, e.target.checked ? { ...form.default } : null)}
                      data-testid={`calendar-hours-override-${key}`}
                    />
                    {capitalised(t(`calendar.weekdays.${key}`))}
                  </label>
                </th>
                {day ? (
                  <TimeCells day={day} dayKey={key} readOnly={readOnly} onChange={(next) => setDay(key, next)} />
                ) : (
                  <td colSpan={FIELDS.length} className="muted">
                    {t('calendar.hours.usual')}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="hint">{t('calendar.hours.note')}</p>
    </section>
  );
}
