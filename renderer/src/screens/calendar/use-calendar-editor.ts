import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CalendarSettings, minskDateOf } from '../../../../shared/calendar';
import { api } from '../../api';
import { useNotify } from '../../app/toasts';
import { errorMessage, reportIfUnauthenticated } from '../../lib/api-errors';
import { type CalendarYear, rulesChanged } from './calendar-model';
import { formToHours, type HoursForm, hoursChanged, hoursForm } from './hours-form';

export interface CalendarEditor {
  year: number;
  setYear(year: number): void;
  /** The year on screen (the previous one stays while the next loads). */
  data: CalendarYear | null;
  loading: boolean;
  loadError: string | null;
  /** Settings as stored, and as being edited; the hours are edited through `hours`. */
  saved: CalendarSettings | null;
  draft: CalendarSettings | null;
  hours: HoursForm | null;
  dirty: boolean;
  saving: boolean;
  /** Why the last save was refused: the API's Russian message or a check of the hours form. */
  error: string | null;
  editDraft(change: (settings: CalendarSettings) => CalendarSettings): void;
  setHours(form: HoursForm): void;
  save(): void;
  revert(): void;
  reload(): void;
}

function isDirty(saved: CalendarSettings | null, draft: CalendarSettings | null, hours: HoursForm | null): boolean {
  if (!saved || !draft || !hours) return false;
  return rulesChanged(saved, draft) || hoursChanged(hours, saved.hours);
}

/**
 * One year of the organisation's calendar from `calendar:get` and the administrator's unsaved edits of
 * its settings. The settings are not per year, so switching years keeps the edits; a save sends the
 * whole settings object and reloads the year.
 */
export function useCalendarEditor(): CalendarEditor {
  const { t } = useTranslation();
  const notify = useNotify();
  const [year, setYear] = useState(() => Number(minskDateOf(new Date()).slice(0, 4)));
  const [reloadCount, setReloadCount] = useState(0);
  const [data, setData] = useState<CalendarYear | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [saved, setSaved] = useState<CalendarSettings | null>(null);
  const [draft, setDraft] = useState<CalendarSettings | null>(null);
  const [hours, setHours] = useState<HoursForm | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const dirty = isDirty(saved, draft, hours);
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;
  /** The next load replaces the edits (after a save or «отменить изменения»). */
  const resetRef = useRef(true);

  useEffect(() => {
    let alive = true;
    void reloadCount;
    setLoading(true);
    api.call('calendar:get', { year }).then(
      (value) => {
        if (!alive) return;
        setData(value);
        setLoading(false);
        setLoadError(null);
        setSaved(value.settings);
        if (resetRef.current || !dirtyRef.current) {
          resetRef.current = false;
          setDraft(value.settings);
          setHours(hoursForm(value.settings.hours));
        }
      },
      (err: unknown) => {
        reportIfUnauthenticated(err);
        if (!alive) return;
        setLoading(false);
        setLoadError(errorMessage(err));
      },
    );
    return () => {
      alive = false;
    };
  }, [year, reloadCount]);

  const reload = useCallback(() => setReloadCount((n) => n + 1), []);

  // An edit answers the refusal shown, so the message goes away with it.
  const editDraft = useCallback((change: (settings: CalendarSettings) => CalendarSettings) => {
    setError(null);
    setDraft((current) => (current ? change(current) : current));
  }, []);

  const editHours = useCallback((form: HoursForm) => {
    setError(null);
    setHours(form);
  }, []);

  const save = useCallback(() => {
    if (!saved || !draft || !hours || saving) return;
    const result = formToHours(hours, saved.hours);
    if (!result.ok) {
      setError(t(`calendar.hours.${result.problem}`, { day: t(`calendar.weekdays.${result.key}`) }));
      return;
    }
    setSaving(true);
    setError(null);
    api.call('calendar:save', { settings: { ...draft, hours: result.hours } }).then(
      () => {
        setSaving(false);
        notify(t('calendar.saved'), 'success');
        resetRef.current = true;
        reload();
      },
      (err: unknown) => {
        reportIfUnauthenticated(err);
        setSaving(false);
        setError(errorMessage(err));
      },
    );
  }, [saved, draft, hours, saving, notify, reload, t]);

  const revert = useCallback(() => {
    setError(null);
    resetRef.current = true;
    reload();
  }, [reload]);

  return {
    year,
    setYear,
    data,
    loading,
    loadError,
    saved,
    draft,
    hours,
    dirty,
    saving,
    error,
    editDraft,
    setHours: editHours,
    save,
    revert,
    reload,
  };
}
