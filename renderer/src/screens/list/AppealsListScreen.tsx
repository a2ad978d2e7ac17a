import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppealRow } from '../../../../shared/appeals';
import { formatCount } from '../../lib/format';
import { navigate } from '../../lib/router';
import { useScreenReady } from '../../lib/screen';
import { AppealRowView } from './AppealRowView';
import { ROW_HEIGHT } from './columns';
import { ListHeader } from './ListHeader';
import { ListToolbar } from './ListToolbar';
import { isFiltered, type ListFilters } from './list-query';
import { useAppealPages } from './use-appeal-pages';

/** Where the list was scrolled, so coming back from a card returns to the same rows. */
const remembered = { filterKey: '', offset: 0, active: -1 };

export function AppealsListScreen(props: { filters: ListFilters; onFiltersChange(next: ListFilters): void }) {
  const { filters, onFiltersChange } = props;
  const { t } = useTranslation();
  const data = useAppealPages(filters);
  const scrollRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const filterKey = JSON.stringify(filters);
  const restore = remembered.filterKey === filterKey;
  const [active, setActive] = useState(restore ? remembered.active : -1);
  useScreenReady('list', data.ready);

  const virtualizer = useVirtualizer({
    count: data.count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    initialOffset: restore ? remembered.offset : 0,
  });

  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const { ensureRange } = data;
  useEffect(() => {
    if (data.count > 0) ensureRange(first, last);
  }, [first, last, data.count, ensureRange]);

  // A new result (other filters, search, sort) starts from the top.
  const firstResult = useRef(true);
  useEffect(() => {
    if (data.resultId === 0) return;
    if (firstResult.current) {
      firstResult.current = false;
      return;
    }
    scrollRef.current?.scrollTo({ top: 0 });
    setActive(-1);
  }, [data.resultId]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.code === 'KeyF') {
        e.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const open = useCallback(
    (row: AppealRow) => {
      remembered.filterKey = filterKey;
      remembered.offset = scrollRef.current?.scrollTop ?? 0;
      navigate({ screen: 'card', id: row.id });
    },
    [filterKey],
  );
  useEffect(() => {
    remembered.active = active;
  }, [active]);

  const moveTo = (index: number) => {
    if (data.count === 0) return;
    const next = Math.max(0, Math.min(data.count - 1, index));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const onGridKey = (e: React.KeyboardEvent) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 300) / ROW_HEIGHT) - 1);
    const keys: Record<string, () => void> = {
      ArrowDown: () => moveTo(active + 1),
      ArrowUp: () => (active <= 0 ? searchRef.current?.focus() : moveTo(active - 1)),
      PageDown: () => moveTo(active + page),
      PageUp: () => moveTo(active - page),
      Home: () => moveTo(0),
      End: () => moveTo(data.count - 1),
      Enter: () => {
        const row = data.rowAt(active);
        if (row) open(row);
      },
    };
    const action = keys[e.key];
    if (action) {
      e.preventDefault();
      action();
    }
  };

  const totalText = data.isEstimate ? t('list.moreThan', { count: formatCount(data.total) }) : formatCount(data.total);
  const filtered = isFiltered(filters);

  return (
    <section className="screen list-screen" aria-labelledby="list-title">
      <div className="screen-head">
        <h1 id="list-title">{t('list.title')}</h1>
        <span className="list-total" data-testid="list-total" data-total={data.total}>
          {data.ready && (filtered ? t('list.found', { count: totalText }) : t('list.total', { count: totalText }))}
        </span>
      </div>
      <ListToolbar
        filters={filters}
        onChange={onFiltersChange}
        searchRef={searchRef}
        onSearchArrowDown={() => {
          gridRef.current?.focus();
          if (active < 0) moveTo(0);
        }}
      />
      {data.error && (
        <div className="banner banner-error" role="alert">
          {t('list.loadError', { message: data.error })}{' '}
          <button type="button" className="link-button" onClick={data.reload}>
            {t('app.retry')}
          </button>
        </div>
      )}
      <div
        ref={gridRef}
        className={`grid${data.pending ? ' grid-pending' : ''}`}
        role="grid"
        tabIndex={0}
        aria-labelledby="list-title"
        aria-rowcount={data.count + 1}
        aria-activedescendant={active >= 0 && data.rowAt(active) ? `appeal-row-${active}` : undefined}
        aria-busy={data.pending}
        data-testid="appeal-list"
        data-state={data.pending ? 'loading' : 'ready'}
        data-version={data.version}
        onKeyDown={onGridKey}
      >
        <ListHeader filters={filters} onSort={(sort, dir) => onFiltersChange({ ...filters, sort, dir })} />
        <div ref={scrollRef} className="grid-body" role="rowgroup">
          <div className="grid-canvas" style={{ height: virtualizer.getTotalSize() }}>
            {items.map((item) => (
              <AppealRowView
                key={item.key}
                row={data.rowAt(item.index)}
                index={item.index}
                start={item.start}
                active={item.index === active}
                onOpen={open}
                onActivate={setActive}
              />
            ))}
          </div>
          {data.ready && !data.pending && data.count === 0 && (
            <div className="grid-empty" data-testid="list-empty">
              {filtered ? t('list.emptyFiltered') : t('list.empty')}
            </div>
          )}
        </div>
      </div>
    </section>
  );
}
