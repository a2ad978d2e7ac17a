import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppealRow } from '../../../../shared/appeals';
import { useSession } from '../../app/session';
import { ActionLinks } from '../../components/ActionLinks';
import { RetryBanner } from '../../components/RetryBanner';
import { formatCount } from '../../lib/format';
import { navigate } from '../../lib/router';
import { useScreenReady } from '../../lib/screen';
import { AppealRowView } from './AppealRowView';
import { BatchExportDialog } from './BatchExportDialog';
import { COLUMNS, HEADER_HEIGHT, ROW_HEIGHT } from './columns';
import { gridKeyAction } from './grid-keys';
import { ImportJsonDialog } from './ImportJsonDialog';
import { ListHeader } from './ListHeader';
import { ListToolbar } from './ListToolbar';
import { isFiltered, type ListFilters } from './list-query';
import { useAppealPages } from './use-appeal-pages';
import { VsedImportDialog } from './VsedImportDialog';

function SpacerRow({ height }: { height: number }) {
  return (
    <tr className="spacer" style={{ height }}>
      <td colSpan={COLUMNS.length} />
    </tr>
  );
}

/** Where the list was scrolled, so coming back from a card returns to the same rows. */
const remembered = { filterKey: '', offset: 0, active: -1 };

export function AppealsListScreen(props: { filters: ListFilters; onFiltersChange(next: ListFilters): void }) {
  const { filters, onFiltersChange } = props;
  const { t } = useTranslation();
  const data = useAppealPages(filters);
  // «Загрузить JSON» is the clerk's, like registration [4.3, 4.4].
  const canImport = useSession().user.roles.includes('clerk');
  const [importing, setImporting] = useState(false);
  const scrollRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const gridRef = useRef<HTMLTableElement>(null);
  const filterKey = JSON.stringify(filters);
  const restore = remembered.filterKey === filterKey;
  const [active, setActive] = useState(restore ? remembered.active : -1);
  const restoreRef = useRef(restore);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [exporting, setExporting] = useState(false);
  const [importingVsed, setImportingVsed] = useState(false);
  const toggle = useCallback(
    (id: string) =>
      setSelected((prev) => {
        const next = new Set(prev);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
    [],
  );
  useScreenReady('list', data.ready);

  const virtualizer = useVirtualizer({
    count: data.count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    paddingStart: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    overscan: 12,
    initialOffset: restore ? remembered.offset : 0,
  });

  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  // Spacer rows stand in for the rows above and below the rendered window.
  const padTop = items.length ? (items[0]?.start ?? 0) - HEADER_HEIGHT : 0;
  const padBottom = items.length ? virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0) : 0;
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
      if (restoreRef.current && scrollRef.current) scrollRef.current.scrollTop = remembered.offset;
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
    const pageRows = Math.max(
      1,
      Math.floor(((scrollRef.current?.clientHeight ?? 300) - HEADER_HEIGHT) / ROW_HEIGHT) - 1,
    );
    const action = gridKeyAction(e.key, active, data.count, pageRows);
    if (!action) return;
    e.preventDefault();
    if (action.type === 'move') moveTo(action.to);
    else if (action.type === 'search') searchRef.current?.focus();
    else {
      const row = data.rowAt(active);
      if (row) open(row);
    }
  };

  const totalText = data.isEstimate ? t('list.moreThan', { n: formatCount(data.total) }) : formatCount(data.total);
  const filtered = isFiltered(filters);

  return (
    <section className="screen list-screen" aria-labelledby="list-title">
      <div className="screen-head">
        <h1 id="list-title">{t('list.title')}</h1>
        <span className="list-total" data-testid="list-total" data-total={data.total}>
          {data.ready && (filtered ? t('list.found', { n: totalText }) : t('list.total', { n: totalText }))}
        </span>
        <ActionLinks
          className=""
          actions={[
            {
              label: `${t('pdfExport.button')}${selected.size > 0 ? ` (${formatCount(selected.size)})` : ''}`,
              onClick: () => setExporting(true),
              testId: 'list-export-pdf',
              className: 'batch-export-button',
            },
            canImport && {
              label: t('data.importJson.button'),
              onClick: () => setImporting(true),
              testId: 'import-json-button',
              className: 'secondary list-import',
            },
            canImport && {
              label: t('pdfExport.vsedButton'),
              onClick: () => setImportingVsed(true),
              testId: 'list-vsed-import',
            },
          ]}
        />
      </div>
      {importing && <ImportJsonDialog onClose={() => setImporting(false)} onImported={data.reload} />}
      <ListToolbar
        filters={filters}
        onChange={onFiltersChange}
        searchRef={searchRef}
        onSearchArrowDown={() => {
          gridRef.current?.focus();
          if (active < 0) moveTo(0);
        }}
      />
      {data.error && <RetryBanner message={t('list.loadError', { message: data.error })} onRetry={data.reload} />}
      <div
        ref={scrollRef}
        className={`grid${data.pending ? ' grid-pending' : ''}`}
        data-testid="appeal-list"
        data-state={data.pending ? 'loading' : 'ready'}
        data-version={data.version}
      >
        <table
          ref={gridRef}
          className="grid-table"
          // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: a data table walked with the arrow keys is an ARIA grid (WAI-ARIA APG "Data Grid")
          role="grid"
          tabIndex={0}
          aria-labelledby="list-title"
          aria-rowcount={data.count + 1}
          aria-activedescendant={active >= 0 && data.rowAt(active) ? `appeal-row-${active}` : undefined}
          aria-busy={data.pending}
          onKeyDown={onGridKey}
        >
          <ListHeader filters={filters} onSort={(sort, dir) => onFiltersChange({ ...filters, sort, dir })} />
          <tbody>
            {padTop > 0 && <SpacerRow height={padTop} />}
            {items.map((item) => (
              <AppealRowView
                key={item.key}
                row={data.rowAt(item.index)}
                index={item.index}
                active={item.index === active}
                selected={selected.has(data.rowAt(item.index)?.id ?? '')}
                onToggle={toggle}
                onOpen={open}
                onActivate={setActive}
              />
            ))}
            {padBottom > 0 && <SpacerRow height={padBottom} />}
          </tbody>
        </table>
        {data.ready && !data.pending && data.count === 0 && (
          <div className="grid-empty" data-testid="list-empty">
            {filtered ? t('list.emptyFiltered') : t('list.empty')}
          </div>
        )}
      </div>
      {exporting && (
        <BatchExportDialog
          selected={[...selected]}
          filters={filters}
          filterTotal={data.total}
          onClose={() => setExporting(false)}
        />
      )}
      {importingVsed && (
        <VsedImportDialog
          onClose={(imported) => {
            setImportingVsed(false);
            if (imported) data.reload();
          }}
        />
      )}
    </section>
  );
}
