import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import type { User } from '../../../shared/appeals';
import type { ChannelOutput } from '../../../shared/contract';
import { api } from '../api';
import { reportIfUnauthenticated } from '../lib/api-errors';

export type AppInfo = ChannelOutput<'app:info'>;
export type DictionariesData = ChannelOutput<'dictionaries:get'>;
export type DictionaryItem = DictionariesData['topics'][number];

export interface Dictionaries extends DictionariesData {
  loaded: boolean;
  /** Loaded or failed: screens that need the dictionaries stop waiting for them. */
  settled: boolean;
  topicByCode: ReadonlyMap<string, DictionaryItem>;
  territoryByCode: ReadonlyMap<string, DictionaryItem>;
  categoryByCode: ReadonlyMap<string, DictionaryItem>;
  headById: ReadonlyMap<string, string>;
  staffById: ReadonlyMap<string, StaffMember>;
}

export type StaffMember = DictionariesData['staff'][number];

interface SessionValue {
  info: AppInfo;
  user: User;
  dictionaries: Dictionaries;
  logout(): void;
}

const SessionContext = createContext<SessionValue | null>(null);

const byCode = (items: DictionaryItem[]) => new Map(items.map((i) => [i.code, i]));

function buildDictionaries(data: DictionariesData | null, failed: boolean): Dictionaries {
  const d = data ?? { topics: [], territories: [], categories: [], heads: [], staff: [] };
  return {
    ...d,
    loaded: data !== null,
    settled: data !== null || failed,
    topicByCode: byCode(d.topics),
    territoryByCode: byCode(d.territories),
    categoryByCode: byCode(d.categories),
    headById: new Map(d.heads.map((h) => [h.id, h.name])),
    staffById: new Map(d.staff.map((s) => [s.id, s])),
  };
}

export function SessionProvider(props: { info: AppInfo; user: User; onLogout(): void; children: ReactNode }) {
  const { info, user, onLogout, children } = props;
  const [data, setData] = useState<DictionariesData | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let alive = true;
    api.call('dictionaries:get', {}).then(
      (value) => alive && setData(value),
      (err: unknown) => {
        reportIfUnauthenticated(err);
        if (alive) setFailed(true);
      },
    );
    return () => {
      alive = false;
    };
  }, []);

  const value = useMemo<SessionValue>(
    () => ({ info, user, dictionaries: buildDictionaries(data, failed), logout: onLogout }),
    [info, user, data, failed, onLogout],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

export function useDictionaries(): Dictionaries {
  return useSession().dictionaries;
}
