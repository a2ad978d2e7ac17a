import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppealRow } from '../../../../shared/appeals';
import { api } from '../../api';
import { errorMessage, reportIfUnauthenticated } from '../../lib/api-errors';
import { rememberDeadlineStates } from '../../lib/deadline-states';
import { type ListFilters, PAGE_SIZE, toListQuery } from './list-query';

interface Meta {
  total: number;
  isEstimate: boolean;
  /** The first page for the current filters has arrived (or failed). */
  ready: boolean;
  /** New filters are being loaded; the previous result stays on screen until they arrive. */
  pending: boolean;
  error: string | null;
  /** One past the last row index loaded so far, and whether the page ending there was full. */
  knownEnd: number;
  moreAfterEnd: boolean;
  /** Increments whenever rows change, so the table re-renders (the pages live in a ref). */
  version: number;
  /** Increments when a new result replaces the old one (the table scrolls to the top). */
  resultId: number;
}

const INITIAL: Meta = {
  total: 0,
  isEstimate: false,
  ready: false,
  pending: true,
  error: null,
  knownEnd: 0,
  moreAfterEnd: false,
  version: 0,
  resultId: 0,
};

export interface AppealPages {
  /** Rows the scroll area is sized for. */
  count: number;
  total: number;
  isEstimate: boolean;
  ready: boolean;
  pending: boolean;
  error: string | null;
  version: number;
  resultId: number;
  rowAt(index: number): AppealRow | undefined;
  /** Loads the pages covering rows [from, to] that are not loaded yet. */
  ensureRange(from: number, to: number): void;
  reload(): void;
}

/**
 * Pages of `appeals:list` behind the virtualised table: fetched on demand as the user scrolls, in pages
 * of PAGE_SIZE, cached per filter set; responses for older filters are dropped (generation counter).
 */
export function useAppealPages(filters: ListFilters): AppealPages {
  const pages = useRef(new Map<number, AppealRow[]>());
  const inflight = useRef(new Set<number>());
  const generation = useRef(0);
  const filtersRef = useRef(filters);
  const [meta, setMeta] = useState<Meta>(INITIAL);
  const [reloadCount, setReloadCount] = useState(0);

  const fetchPage = useCallback((page: number, gen: number) => {
    inflight.current.add(page);
    api.call('appeals:list', toListQuery(filtersRef.current, page * PAGE_SIZE)).then(
      (res) => {
        if (gen !== generation.current) return;
        inflight.current.delete(page);
        const first = page === 0;
        if (first) pages.current = new Map();
        pages.current.set(page, res.rows);
        rememberDeadlineStates(res.rows);
        const end = page * PAGE_SIZE + res.rows.length;
        setMeta((m) => {
          const knownEnd = first ? end : Math.max(m.knownEnd, end);
          const moreAfterEnd = end >= knownEnd ? res.rows.length === PAGE_SIZE : m.moreAfterEnd;
          return {
            total: res.total ?? m.total,
            isEstimate: res.total === null ? m.isEstimate : res.totalIsEstimate,
            ready: true,
            pending: false,
            error: null,
            knownEnd,
            moreAfterEnd,
            version: m.version + 1,
            resultId: first ? m.resultId + 1 : m.resultId,
          };
        });
      },
      (err: unknown) => {
        if (gen !== generation.current) return;
        inflight.current.delete(page);
        reportIfUnauthenticated(err);
        setMeta((m) => ({ ...m, ready: true, pending: false, error: errorMessage(err) }));
      },
    );
  }, []);

  const filterKey = JSON.stringify(filters);
  useEffect(() => {
    void reloadCount;
    filtersRef.current = JSON.parse(filterKey) as ListFilters;
    generation.current += 1;
    inflight.current = new Set();
    setMeta((m) => ({ ...m, pending: true }));
    fetchPage(0, generation.current);
  }, [filterKey, reloadCount, fetchPage]);

  const ensureRange = useCallback(
    (from: number, to: number) => {
      if (meta.pending) return;
      for (let page = Math.floor(from / PAGE_SIZE); page <= Math.floor(to / PAGE_SIZE); page++) {
        if (!pages.current.has(page) && !inflight.current.has(page)) fetchPage(page, generation.current);
      }
    },
    [meta.pending, fetchPage],
  );

  const rowAt = useCallback(
    (index: number) => pages.current.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
    [],
  );
  const reload = useCallback(() => setReloadCount((n) => n + 1), []);

  const count = meta.isEstimate
    ? Math.max(meta.total, meta.knownEnd + (meta.moreAfterEnd ? PAGE_SIZE : 0))
    : meta.total;
  return { ...meta, count, rowAt, ensureRange, reload };
}
