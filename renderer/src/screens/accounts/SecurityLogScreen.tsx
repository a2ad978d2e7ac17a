import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMinskRu } from '../../../../shared/calendar';
import { SECURITY_EVENT_TYPES, type SecurityEvent, type SecurityLogFilter } from '../../../../shared/security/schema';
import {
  SECURITY_DETAIL_NAMES,
  SECURITY_EVENT_NAMES,
  securityEventName,
} from '../../../../shared/security/vocabulary-ru';
import { api } from '../../api';
import { useNotify } from '../../app/toasts';
import { detailedErrorMessage, reportIfUnauthenticated } from '../../lib/api-errors';
import { openBlob } from '../../lib/files';
import { formatCount } from '../../lib/format';
import { useScreenReady } from '../../lib/screen';

const PAGE = 100;

interface FilterForm {
  from: string;
  to: string;
  type: string;
  login: string;
  result: string;
}
const EMPTY: FilterForm = { from: '', to: '', type: '', login: '', result: '' };

function toFilter(form: FilterForm): SecurityLogFilter {
  return {
    ...(form.from ? { from: form.from } : {}),
    ...(form.to ? { to: form.to } : {}),
    ...(form.type ? { type: SECURITY_EVENT_TYPES.find((x) => x === form.type) } : {}),
    ...(form.login.trim() ? { login: form.login.trim() } : {}),
    ...(form.result === 'success' || form.result === 'failure' ? { result: form.result } : {}),
  };
}

function detailValue(value: unknown): string {
  if (Array.isArray(value)) return value.length > 0 ? value.join(', ') : '—';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) return formatMinskRu(new Date(value));
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}

/** The details object in one line, keys in Russian: «кем: admin; роли: clerk, executor». */
function detailsText(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([k, v]) => `${SECURITY_DETAIL_NAMES[k] ?? k}: ${detailValue(v)}`)
    .join('; ');
}

/**
 * «Журнал безопасности» (regulation 6.3, issue #10): the administrator's viewer of the append-only,
 * hash-chained log with filters by period, event type, account and result, CSV export of what the
 * filters select (the export is itself logged), and the integrity check of the whole chain.
 */
export function SecurityLogScreen() {
  const { t } = useTranslation();
  const notify = useNotify();
  const [form, setForm] = useState<FilterForm>(EMPTY);
  const [applied, setApplied] = useState<SecurityLogFilter>({});
  const [page, setPage] = useState<{ total: number; entries: SecurityEvent[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [verdict, setVerdict] = useState<{ ok: boolean; text: string } | null>(null);
  useScreenReady('securityLog', page !== null);

  useEffect(() => {
    let alive = true;
    api.call('security:events', { ...applied, limit: PAGE, offset: 0 }).then(
      (value) => {
        if (!alive) return;
        setPage(value);
        setError(null);
      },
      (err: unknown) => {
        reportIfUnauthenticated(err);
        if (alive) setError(detailedErrorMessage(err));
      },
    );
    return () => {
      alive = false;
    };
  }, [applied]);

  const more = async () => {
    if (!page) return;
    try {
      const next = await api.call('security:events', { ...applied, limit: PAGE, offset: page.entries.length });
      setPage({ total: next.total, entries: [...page.entries, ...next.entries] });
    } catch (err) {
      reportIfUnauthenticated(err);
      setError(detailedErrorMessage(err));
    }
  };
  const apply = (e: FormEvent) => {
    e.preventDefault();
    setApplied(toFilter(form));
  };
  const exportCsv = async () => {
    try {
      const file = await api.call('security:exportCsv', applied);
      openBlob(new Blob([file.csv], { type: 'text/csv;charset=utf-8' }), file.fileName, true);
      notify(t('accounts.log.exported', { n: formatCount(file.rows) }), 'success');
    } catch (err) {
      reportIfUnauthenticated(err);
      notify(detailedErrorMessage(err), 'error');
    }
  };
  const verify = async () => {
    try {
      const r = await api.call('security:verify', {});
      setVerdict(
        r.ok
          ? { ok: true, text: t('accounts.log.verifiedOk', { n: formatCount(r.entries) }) }
          : { ok: false, text: t('accounts.log.verifiedBroken', { id: r.firstBrokenId, reason: r.reason }) },
      );
    } catch (err) {
      reportIfUnauthenticated(err);
      notify(detailedErrorMessage(err), 'error');
    }
  };
  const input = (key: 'from' | 'to' | 'login', type: string) => (
    <label className="filter">
      <span>{t(`accounts.log.${key}`)}</span>
      <input
        type={type}
        value={form[key]}
        onChange={(e) => setForm({ ...form, [key]: e.target.value })}
        data-testid={`log-filter-${key}`}
      />
    </label>
  );

  return (
    <section className="screen security-log-screen" aria-labelledby="log-title" data-testid="security-log-screen">
      <div className="screen-head">
        <h1 id="log-title">{t('accounts.log.title')}</h1>
        {page && <span className="list-total">{t('accounts.log.total', { n: formatCount(page.total) })}</span>}
        <span className="spacer" />
        <button type="button" onClick={() => void verify()} data-testid="log-verify">
          {t('accounts.log.verify')}
        </button>
        <button type="button" onClick={() => void exportCsv()} data-testid="log-export">
          {t('accounts.log.export')}
        </button>
      </div>
      <form className="toolbar" onSubmit={apply} noValidate>
        {input('from', 'date')}
        {input('to', 'date')}
        <label className="filter">
          <span>{t('accounts.log.type')}</span>
          <select
            value={form.type}
            onChange={(e) => setForm({ ...form, type: e.target.value })}
            data-testid="log-filter-type"
          >
            <option value="">{t('accounts.log.any')}</option>
            {SECURITY_EVENT_TYPES.map((type) => (
              <option key={type} value={type}>
                {SECURITY_EVENT_NAMES[type]}
              </option>
            ))}
          </select>
        </label>
        {input('login', 'search')}
        <label className="filter">
          <span>{t('accounts.log.result')}</span>
          <select
            value={form.result}
            onChange={(e) => setForm({ ...form, result: e.target.value })}
            data-testid="log-filter-result"
          >
            <option value="">{t('accounts.log.any')}</option>
            <option value="success">{t('accounts.log.success')}</option>
            <option value="failure">{t('accounts.log.failure')}</option>
          </select>
        </label>
        <button type="submit" className="primary" data-testid="log-apply">
          {t('accounts.log.apply')}
        </button>
        <button
          type="button"
          onClick={() => {
            setForm(EMPTY);
            setApplied({});
          }}
        >
          {t('accounts.log.reset')}
        </button>
      </form>
      {verdict && (
        <p
          className={verdict.ok ? 'banner banner-info' : 'banner banner-error'}
          role="status"
          data-testid="log-verdict"
        >
          {verdict.text}
        </p>
      )}
      {error && (
        <p className="banner banner-error" role="alert">
          {t('accounts.log.loadError', { message: error })}
        </p>
      )}
      <div className="tasks-scroll">
        <table className="table security-log-table">
          <thead>
            <tr>
              {(['id', 'at', 'type', 'login', 'workstation', 'result', 'details'] as const).map((c) => (
                <th key={c} scope="col" className={`col-${c}`}>
                  {t(`accounts.log.columns.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {page?.entries.map((e) => (
              <tr
                key={e.id}
                data-testid="log-row"
                data-type={e.type}
                className={e.result === 'failure' ? 'failure' : undefined}
              >
                <td className="num">{e.id}</td>
                <td className="col-at">{formatMinskRu(new Date(e.at), true)}</td>
                <td>{securityEventName(e.type)}</td>
                <td className="code">{e.login}</td>
                <td>
                  {e.workstation} <span className="muted">{e.address}</span>
                </td>
                <td data-testid="log-result">
                  {e.result === 'success' ? t('accounts.log.success') : t('accounts.log.failure')}
                </td>
                <td className="small details">{detailsText(e.details)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {page && page.entries.length === 0 && <p className="tasks-empty muted">{t('accounts.log.empty')}</p>}
        {page && page.entries.length < page.total && (
          <button type="button" className="link-button" onClick={() => void more()} data-testid="log-more">
            {t('accounts.log.more')}
          </button>
        )}
      </div>
    </section>
  );
}
