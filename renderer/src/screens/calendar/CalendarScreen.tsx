import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type LocalDate, minskDateOf } from '../../../../shared/calendar';
import { useSession } from '../../app/session';
import { RetryBanner } from '../../components/RetryBanner';
import { useScreenReady } from '../../lib/screen';
import { CalendarLegend } from './CalendarLegend';
import {
  type DayView,
  exceptionOn,
  viewDay,
  withException,
  withoutException,
  withoutTransfer,
  withTransfer,
} from './calendar-model';
import { DayEditor } from './DayEditor';
import { ExceptionsPanel } from './ExceptionsPanel';
import { HoursPanel } from './HoursPanel';
import { TransfersPanel } from './TransfersPanel';
import { useCalendarEditor } from './use-calendar-editor';
import { YearGrid } from './YearGrid';
import { YearSwitch } from './YearSwitch';

/**
 * The organisation's working calendar (regulation 4.4, 6.2): a year of working and non-working days,
 * the working hours and the transfers. Everyone may look; only the administrator edits.
 */
export function CalendarScreen() {
  const { t } = useTranslation();
  const { user } = useSession();
  const editable = user.roles.includes('admin');
  const cal = useCalendarEditor();
  const [editing, setEditing] = useState<LocalDate | null>(null);
  const today = minskDateOf(new Date());
  useScreenReady('calendar', cal.data !== null);

  const { data, saved, draft } = cal;
  const days = useMemo(() => {
    const map = new Map<LocalDate, DayView>();
    if (!data || !saved || !draft) return map;
    const pendingReason = (e: { working: boolean; note: string }) =>
      t('calendar.pendingReason', {
        kind: e.working ? t('calendar.exceptions.working') : t('calendar.exceptions.off'),
        note: e.note,
      });
    for (const day of data.days) map.set(day.date, viewDay(day, saved, draft, pendingReason));
    return map;
  }, [data, saved, draft, t]);

  const shownYear = data ? Number(data.days[0]?.date.slice(0, 4) ?? cal.year) : cal.year;

  return (
    <section
      className="screen calendar-screen"
      aria-labelledby="calendar-title"
      data-testid="calendar-screen"
      data-editable={editable ? 'true' : 'false'}
      data-state={cal.loading ? 'loading' : 'ready'}
    >
      <div className="screen-head">
        <h1 id="calendar-title">{t('calendar.title')}</h1>
        <YearSwitch year={cal.year} onChange={cal.setYear} />
        <span className="spacer" />
        {editable && cal.dirty && (
          <span className="cal-unsaved" data-testid="calendar-unsaved">
            {t('calendar.unsaved')}
          </span>
        )}
        {editable && (
          <>
            <button type="button" onClick={cal.revert} disabled={!cal.dirty || cal.saving}>
              {t('calendar.revert')}
            </button>
            <button
              type="button"
              className="primary"
              onClick={cal.save}
              disabled={cal.saving || !draft}
              data-testid="calendar-save"
            >
              {cal.saving ? t('calendar.saving') : t('calendar.save')}
            </button>
          </>
        )}
      </div>
      {!editable && (
        <div className="banner banner-info" data-testid="calendar-read-only">
          {t('calendar.readOnly')}
        </div>
      )}
      {cal.error && (
        <div className="banner banner-error" role="alert" data-testid="calendar-error">
          {t('calendar.saveError', { message: cal.error })}
        </div>
      )}
      {cal.loadError && (
        <RetryBanner message={t('calendar.loadError', { message: cal.loadError })} onRetry={cal.reload} />
      )}
      {data && draft && cal.hours ? (
        <div className={cal.loading ? 'cal-scroll cal-loading' : 'cal-scroll'}>
          <CalendarLegend editable={editable} />
          <YearGrid year={shownYear} days={days} today={today} onPick={editable ? setEditing : undefined} />
          <div className="cal-panels">
            <div className="cal-panel-column">
              <HoursPanel form={cal.hours} onChange={cal.setHours} readOnly={!editable} />
              <ExceptionsPanel
                year={shownYear}
                exceptions={draft.exceptions}
                onEdit={setEditing}
                onRemove={(date) => cal.editDraft((s) => withoutException(s, date))}
                readOnly={!editable}
              />
            </div>
            <TransfersPanel
              year={shownYear}
              transfers={draft.transfers}
              onAdd={(tr) => cal.editDraft((s) => withTransfer(s, tr))}
              onRemove={(index) => cal.editDraft((s) => withoutTransfer(s, index))}
              readOnly={!editable}
            />
          </div>
        </div>
      ) : (
        !cal.loadError && <div className="screen-message">{t('app.loading')}</div>
      )}
      {editing && draft && (
        <DayEditor
          key={editing}
          date={editing}
          view={days.get(editing)}
          exception={exceptionOn(draft, editing)}
          onApply={(exception) => {
            cal.editDraft((s) => withException(s, exception));
            setEditing(null);
          }}
          onRemove={() => {
            cal.editDraft((s) => withoutException(s, editing));
            setEditing(null);
          }}
          onClose={() => setEditing(null)}
        />
      )}
    </section>
  );
}
