import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { APPEAL_KINDS, APPEAL_STATUSES, SUBMISSION_FORMS } from '../../../../shared/appeals';
import { DEADLINE_STATES } from '../../../../shared/deadlines';
import { useDictionaries } from '../../app/session';
import { DeadlineOptions } from '../../components/DeadlineOptions';
import { useDebounced } from '../../lib/use-debounced';
import { EMPTY_FILTERS, type ListFilters } from './list-query';

const SEARCH_DEBOUNCE_MS = 150;

interface Props {
  filters: ListFilters;
  onChange(next: ListFilters): void;
  searchRef: React.RefObject<HTMLInputElement | null>;
  onSearchArrowDown(): void;
}

function pick<T extends string>(values: readonly T[], raw: string): T | '' {
  return values.find((v) => v === raw) ?? '';
}

/** Instant search and the filters above the list. */
export function ListToolbar({ filters, onChange, searchRef, onSearchArrowDown }: Props) {
  const { t } = useTranslation();
  const { heads } = useDictionaries();
  const [text, setText] = useState(filters.query);
  const debounced = useDebounced(text, SEARCH_DEBOUNCE_MS);
  const latest = useRef({ filters, onChange });
  latest.current = { filters, onChange };

  useEffect(() => {
    const { filters: f, onChange: change } = latest.current;
    if (f.query !== debounced) change({ ...f, query: debounced });
  }, [debounced]);

  const set = (patch: Partial<ListFilters>) => onChange({ ...filters, ...patch });
  const any = t('list.filters.any');

  return (
    <div className="toolbar">
      <input
        ref={searchRef}
        type="search"
        className="search"
        placeholder={t('list.search')}
        aria-label={t('list.searchLabel')}
        title={t('list.searchHint')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && text) {
            e.preventDefault();
            setText('');
          } else if (e.key === 'ArrowDown') {
            e.preventDefault();
            onSearchArrowDown();
          } else if (e.key === 'Enter') {
            onChange({ ...filters, query: text });
            onSearchArrowDown();
          }
        }}
        data-testid="list-search"
      />
      <label className="filter">
        <span>{t('list.filters.status')}</span>
        <select
          value={filters.status}
          onChange={(e) => set({ status: pick(APPEAL_STATUSES, e.target.value) })}
          data-testid="filter-status"
        >
          <option value="">{any}</option>
          {APPEAL_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`enums.status.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="filter">
        <span>{t('list.filters.deadline')}</span>
        <select
          className="filter-deadline"
          value={filters.deadline}
          onChange={(e) => set({ deadline: pick(DEADLINE_STATES, e.target.value) })}
          data-testid="filter-deadline"
        >
          <DeadlineOptions />
        </select>
      </label>
      <label className="filter">
        <span>{t('list.filters.kind')}</span>
        <select
          value={filters.kind}
          onChange={(e) => set({ kind: pick(APPEAL_KINDS, e.target.value) })}
          data-testid="filter-kind"
        >
          <option value="">{any}</option>
          {APPEAL_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`enums.kind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="filter">
        <span>{t('list.filters.form')}</span>
        <select
          value={filters.form}
          onChange={(e) => set({ form: pick(SUBMISSION_FORMS, e.target.value) })}
          data-testid="filter-form"
        >
          <option value="">{any}</option>
          {SUBMISSION_FORMS.map((f) => (
            <option key={f} value={f}>
              {t(`enums.form.${f}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="filter">
        <span>{t('list.filters.head')}</span>
        <select
          className="filter-head"
          value={filters.responsibleHeadId}
          onChange={(e) => set({ responsibleHeadId: e.target.value })}
          data-testid="filter-head"
        >
          <option value="">{any}</option>
          {heads.map((h) => (
            <option key={h.id} value={h.id}>
              {h.name}
            </option>
          ))}
        </select>
      </label>
      <div className="filter">
        <span>{t('list.filters.period')}</span>
        <div className="period">
          <input
            type="date"
            aria-label={t('list.filters.from')}
            value={filters.from}
            max={filters.to || undefined}
            onChange={(e) => set({ from: e.target.value })}
            data-testid="filter-from"
          />
          <span aria-hidden="true">—</span>
          <input
            type="date"
            aria-label={t('list.filters.to')}
            value={filters.to}
            min={filters.from || undefined}
            onChange={(e) => set({ to: e.target.value })}
            data-testid="filter-to"
          />
        </div>
      </div>
      <button
        type="button"
        className="link-button"
        onClick={() => {
          setText('');
          onChange({ ...EMPTY_FILTERS, sort: filters.sort, dir: filters.dir });
        }}
        data-testid="filter-reset"
      >
        {t('list.filters.reset')}
      </button>
    </div>
  );
}
