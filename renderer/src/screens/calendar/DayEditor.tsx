import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatRuDate, isoWeekday, type LocalDate } from '../../../../shared/calendar';
import { Modal } from '../../components/Modal';
import { type DayView, type OrgException, WEEKDAY_KEYS } from './calendar-model';
import { isClock } from './hours-form';
import { TimeInput } from './TimeInput';

interface Props {
  date: LocalDate;
  view: DayView | undefined;
  /** The organisation's exception for the day in the edited settings, if any. */
  exception: OrgException | undefined;
  onApply(exception: OrgException): void;
  onRemove(): void;
  onClose(): void;
}

/**
 * The administrator's exception for one day (regulation 4.4: the organisation's own working and
 * non-working days): working or not, with a required note and, for a working day, optional hours.
 */
export function DayEditor({ date, view, exception, onApply, onRemove, onClose }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [working, setWorking] = useState(exception ? exception.working : !(view?.working ?? true));
  const [note, setNote] = useState(exception?.note ?? '');
  const [start, setStart] = useState(exception?.hours?.start ?? '');
  const [end, setEnd] = useState(exception?.hours?.end ?? '');
  const [problem, setProblem] = useState<'note' | 'hours' | null>(null);
  const weekday = WEEKDAY_KEYS[isoWeekday(date) - 1] ?? 'mon';
  const status = view?.working ? t('calendar.editor.workingNow') : t('calendar.editor.offNow');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const text = note.trim();
    if (!text) {
      setProblem('note');
      return;
    }
    if (working && (Boolean(start) !== Boolean(end) || [start, end].some((v) => v && !isClock(v)))) {
      setProblem('hours');
      return;
    }
    const next: OrgException = { date, working, note: text };
    if (working && start && end) next.hours = { start, end };
    onApply(next);
  };

  return (
    <Modal
      title={t('calendar.editor.title', { date: formatRuDate(date), weekday: t(`calendar.weekdays.${weekday}`) })}
      onClose={onClose}
      testId="calendar-day-editor"
    >
      <form className="cal-editor" onSubmit={submit} noValidate>
        {view && (
          <p className="cal-editor-now" data-testid="calendar-day-status">
            <span className="muted">{t('calendar.editor.now')}: </span>
            <strong>{status}</strong>
            {view.reason !== status && <span className="cal-editor-reason">{view.reason}</span>}
          </p>
        )}
        <label className="stack-field">
          <span>{t('calendar.editor.kind')}</span>
          <select
            value={working ? 'true' : 'false'}
            onChange={(e) => setWorking(e.target.value === 'true')}
            data-testid="calendar-exception-working"
          >
            <option value="false">{t('calendar.editor.off')}</option>
            <option value="true">{t('calendar.editor.working')}</option>
          </select>
        </label>
        <label className="stack-field">
          <span className="required">{t('calendar.editor.note')}</span>
          <input
            value={note}
            maxLength={300}
            placeholder={t('calendar.editor.notePlaceholder')}
            onChange={(e) => setNote(e.target.value)}
            aria-invalid={problem === 'note'}
            aria-describedby={problem === 'note' ? `${id}-problem` : undefined}
            data-testid="calendar-exception-note"
            autoFocus
          />
        </label>
        {working && (
          <fieldset className="cal-editor-hours">
            <legend>{t('calendar.editor.hours')}</legend>
            <TimeInput
              value={start}
              onChange={setStart}
              label={t('calendar.hours.start')}
              invalid={problem === 'hours'}
              testId="calendar-exception-hours-start"
            />
            <span aria-hidden="true">—</span>
            <TimeInput
              value={end}
              onChange={setEnd}
              label={t('calendar.hours.end')}
              invalid={problem === 'hours'}
              testId="calendar-exception-hours-end"
            />
          </fieldset>
        )}
        {problem && (
          <div className="field-error" id={`${id}-problem`} role="alert" data-testid="calendar-exception-problem">
            {problem === 'note' ? t('calendar.editor.noteRequired') : t('calendar.editor.hoursBoth')}
          </div>
        )}
        <p className="hint">{t('calendar.editor.hint')}</p>
        <div className="cal-editor-actions">
          <button type="submit" className="primary" data-testid="calendar-exception-save">
            {t('calendar.editor.apply')}
          </button>
          {exception && (
            <button type="button" onClick={onRemove} data-testid="calendar-exception-remove">
              {t('calendar.editor.remove')}
            </button>
          )}
          <span className="spacer" />
          <button type="button" onClick={onClose}>
            {t('calendar.editor.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
