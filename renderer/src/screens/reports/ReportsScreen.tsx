import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { minskDateOf } from '../../../../shared/calendar/minsk-time';
import {
  canAuthorReports,
  type ReportDefinition,
  type ReportPeriod,
  reportPeriodSchema,
  STANDARD_REPORTS,
} from '../../../../shared/reports';
import { api } from '../../api';
import { useSession } from '../../app/session';
import { useNotify } from '../../app/toasts';
import { errorMessage, reportIfUnauthenticated } from '../../lib/api-errors';
import { base64ToBlob, openBlob } from '../../lib/files';
import { formatCount } from '../../lib/format';
import { useScreenReady } from '../../lib/screen';
import { useLoaded } from '../../lib/use-loaded';
import { DrillDown } from './DrillDown';
import { ReportChart } from './ReportChart';
import { ReportControls } from './ReportControls';
import { type DrillTarget, ReportTableView } from './ReportTableView';
import { emptyDefinition, type PresetName, presetPeriod } from './report-model';
import './reports.css';

const PRESETS: readonly PresetName[] = ['month', 'quarter', 'year', 'thisYear'];

/** «Отчёты» [4.10]: standard reports, the constructor, saved settings, preview, drill-down and exports. */
export function ReportsScreen() {
  const { t } = useTranslation();
  const notify = useNotify();
  const { user } = useSession();
  const author = canAuthorReports(user.roles);
  const today = minskDateOf(new Date());
  const first = STANDARD_REPORTS[0];
  const [definition, setDefinition] = useState<ReportDefinition>(first?.definition ?? emptyDefinition());
  const [title, setTitle] = useState(first?.title ?? '');
  const [standardId, setStandardId] = useState(first?.id ?? '');
  const [savedId, setSavedId] = useState('');
  const [shared, setShared] = useState(false);
  const [period, setPeriod] = useState<ReportPeriod>(() => presetPeriod('thisYear', today));
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const [savedVersion, setSavedVersion] = useState(0);
  const [busy, setBusy] = useState(false);
  const validPeriod = reportPeriodSchema.safeParse(period).success;

  const key = JSON.stringify({ definition, period, title });
  const report = useLoaded(key, () =>
    validPeriod
      ? api.call('reports:run', { definition, period, title })
      : Promise.reject(new Error(t('reports.loadError', { message: period.from }))),
  );
  const saved = useLoaded(`saved:${savedVersion}`, () => api.call('reports:saved', {}));
  useScreenReady('reports', report.current && report.value !== null);

  const change = (d: ReportDefinition) => {
    setDefinition(d);
    // A changed standard report is no longer that report: its title goes (the default names the axes).
    if (standardId) setTitle('');
    setStandardId('');
    setDrill(null);
  };
  const pickStandard = (id: string) => {
    const found = STANDARD_REPORTS.find((r) => r.id === id);
    setStandardId(id);
    setSavedId('');
    setDrill(null);
    if (found) {
      setDefinition(found.definition);
      setTitle(found.title);
    }
  };
  const pickSaved = (id: string) => {
    const found = saved.value?.reports.find((r) => r.id === id);
    setSavedId(id);
    setStandardId('');
    setDrill(null);
    if (found) {
      setDefinition(found.definition);
      setTitle(found.name);
      setShared(found.shared);
    }
  };
  const act = async (what: () => Promise<void>, failure: 'reports.saveFailed' | 'reports.exportFailed') => {
    setBusy(true);
    try {
      await what();
    } catch (err) {
      reportIfUnauthenticated(err);
      notify(t(failure, { message: errorMessage(err) }), 'error');
    } finally {
      setBusy(false);
    }
  };
  const save = (asNew: boolean) =>
    act(async () => {
      const name = title.trim() || t('reports.title');
      const out = await api.call('reports:save', { id: asNew ? null : savedId || null, name, definition, shared });
      setSavedId(out.id);
      setSavedVersion((v) => v + 1);
      notify(t('reports.savedOk', { name }), 'success');
    }, 'reports.saveFailed');
  const remove = () =>
    act(async () => {
      await api.call('reports:delete', { id: savedId });
      setSavedId('');
      setSavedVersion((v) => v + 1);
      notify(t('reports.deletedOk'), 'success');
    }, 'reports.saveFailed');
  const exportAs = (format: 'pdf' | 'xlsx' | 'csv') =>
    act(async () => {
      const file = await api.call('reports:export', { definition, period, title, format });
      openBlob(base64ToBlob(file.dataBase64, file.mime), file.fileName, true);
    }, 'reports.exportFailed');
  const mine = saved.value?.reports.find((r) => r.id === savedId)?.mine ?? false;
  const result = report.value;

  return (
    <section className="screen reports-screen" data-testid="reports-screen" data-ready={report.current}>
      <div className="screen-head">
        <h1>{t('reports.title')}</h1>
        {result && (
          <span className="list-total" data-testid="report-summary">
            {t('reports.summary', {
              total: formatCount(result.total.total.count),
              appeals: formatCount(result.appeals),
            })}
          </span>
        )}
      </div>
      <div className="report-bar">
        <label className="report-field">
          <span>{t('reports.standard')}</span>
          <select value={standardId} onChange={(e) => pickStandard(e.target.value)} data-testid="report-standard">
            <option value="">{t('reports.standardNone')}</option>
            {STANDARD_REPORTS.map((r) => (
              <option key={r.id} value={r.id}>
                {r.title}
              </option>
            ))}
          </select>
        </label>
        <label className="report-field">
          <span>{t('reports.saved')}</span>
          <select value={savedId} onChange={(e) => pickSaved(e.target.value)} data-testid="report-saved">
            <option value="">{t('reports.savedNone')}</option>
            {saved.value?.reports.map((r) => (
              <option key={r.id} value={r.id}>
                {t('reports.savedBy', { name: r.name, owner: r.ownerName })}
                {r.shared ? t('reports.sharedMark') : ''}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="report-period">
          <legend>{t('reports.period')}</legend>
          <label>
            {t('reports.from')}{' '}
            <input
              type="date"
              value={period.from}
              onChange={(e) => setPeriod({ ...period, from: e.target.value })}
              data-testid="report-from"
            />
          </label>
          <label>
            {t('reports.to')}{' '}
            <input
              type="date"
              value={period.to}
              onChange={(e) => setPeriod({ ...period, to: e.target.value })}
              data-testid="report-to"
            />
          </label>
          {PRESETS.map((p) => (
            <button key={p} type="button" className="small" onClick={() => setPeriod(presetPeriod(p, today))}>
              {t(`reports.presets.${p}`)}
            </button>
          ))}
        </fieldset>
      </div>
      <ReportControls definition={definition} onChange={change} />
      <div className="report-bar">
        <label className="report-field report-title">
          <span>{t('reports.reportTitle')}</span>
          <input value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} data-testid="report-title" />
        </label>
        {author && (
          <>
            <label className="check">
              <input
                type="checkbox"
                checked={shared}
                onChange={(e) => setShared(e.target.checked)}
                data-testid="report-shared"
              />
              {t('reports.shared')}
            </label>
            <button
              type="button"
              disabled={busy || (savedId !== '' && !mine)}
              onClick={() => void save(false)}
              data-testid="report-save"
            >
              {t('reports.save')}
            </button>
            {savedId && (
              <button type="button" disabled={busy} onClick={() => void save(true)}>
                {t('reports.saveAs')}
              </button>
            )}
            {savedId && mine && (
              <button
                type="button"
                className="danger"
                disabled={busy}
                onClick={() => void remove()}
                data-testid="report-delete"
              >
                {t('reports.delete')}
              </button>
            )}
          </>
        )}
        <span className="report-exports">
          {t('reports.exportLabel')}:
          {(['pdf', 'xlsx', 'csv'] as const).map((f) => (
            <button
              key={f}
              type="button"
              disabled={busy || !result}
              onClick={() => void exportAs(f)}
              data-testid={`report-export-${f}`}
            >
              {t(`reports.export${f === 'pdf' ? 'Pdf' : f === 'xlsx' ? 'Xlsx' : 'Csv'}`)}
            </button>
          ))}
        </span>
      </div>
      {report.error && (
        <p className="banner banner-error" role="alert">
          {t('reports.loadError', { message: report.error })}
        </p>
      )}
      {result && (
        <div className={report.current ? 'report-preview' : 'report-preview pending'}>
          {result.rows.length === 0 ? (
            <p className="banner banner-info">{t('reports.empty')}</p>
          ) : (
            <>
              <ReportTableView result={result} onDrill={setDrill} />
              <ReportChart result={result} />
            </>
          )}
        </div>
      )}
      {drill && validPeriod && (
        <DrillDown definition={definition} period={period} target={drill} onClose={() => setDrill(null)} />
      )}
    </section>
  );
}
