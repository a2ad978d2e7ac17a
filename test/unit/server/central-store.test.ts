import { afterEach, describe, expect, it } from 'vitest';
import { DIRECTORY, directoryFor, organisationDirectory } from '../../../server/directory/organisations';
import { changesQuerySchema } from '../../../server/routes/changes';
import { saveRegistration } from '../../../server/store/appeals';
import { appendChange, readChanges } from '../../../server/store/changes';
import { takeOfficialNumber } from '../../../server/store/numbering';
import { inTransaction, openCentralDatabase, type Sqlite } from '../../../server/store/open-store';
import { upsertOrganisations } from '../../../server/store/organisations';

let db: Sqlite;
afterEach(() => db?.close());

const ORG = { id: 'o', name: 'Орг', regIndex: 'ОГ', numberingPattern: '{index}-{year}-{seq}' };
const NOW = new Date('2026-03-10T12:00:00Z');

function open() {
  db = openCentralDatabase(null);
  upsertOrganisations(db, [ORG, { ...ORG, id: 'p' }]);
  return db;
}

describe('change feed store', () => {
  it('pages by seq per organisation; next is the last seq, or the cursor itself when empty', () => {
    open();
    for (let i = 0; i < 5; i++) {
      appendChange(
        db,
        i % 2 ? 'p' : 'o',
        'classifier.topic',
        { code: `${i}`, parentCode: null, name: 'x', removed: false },
        NOW,
      );
    }
    expect(readChanges(db, 'o', 0, 2)).toMatchObject({ next: 3, hasMore: true, remaining: 1 });
    // `remaining` counts the organisation's own changes only (seqs are shared by all organisations).
    expect(readChanges(db, 'o', 0, 1)).toMatchObject({ next: 1, hasMore: true, remaining: 2 });
    expect(readChanges(db, 'o', 3, 2)).toMatchObject({ next: 5, hasMore: false });
    expect(readChanges(db, 'o', 3, 2).changes.map((c) => (c as { seq: number }).seq)).toEqual([5]);
    expect(readChanges(db, 'o', 5, 2)).toEqual({ changes: [], next: 5, hasMore: false, remaining: 0 });
    expect(readChanges(db, 'p', 0, 10).changes).toHaveLength(2);
  });

  it('parses the query: defaults, the 500 cap, malformed values', () => {
    expect(changesQuerySchema.parse({})).toEqual({ after: 0, limit: 100 });
    expect(changesQuerySchema.parse({ after: '42', limit: '9999' })).toEqual({ after: 42, limit: 500 });
    for (const q of [{ after: '-1' }, { limit: '0' }, { after: '1e3' }, { after: ['1', '2'] }]) {
      expect(changesQuerySchema.safeParse(q).success).toBe(false);
    }
  });
});

describe('official numbering', () => {
  it('is gap-free: a rolled-back registration gives its number back', () => {
    open();
    expect(takeOfficialNumber(db, ORG, 2026, 'statement').regNumber).toBe('ОГ-2026-1');
    expect(() =>
      inTransaction(db, () => {
        takeOfficialNumber(db, ORG, 2026, 'statement');
        throw new Error('rollback');
      }),
    ).toThrow('rollback');
    expect(takeOfficialNumber(db, ORG, 2026, 'statement').regNumber).toBe('ОГ-2026-2');
    expect(takeOfficialNumber(db, ORG, 2027, 'statement').regNumber).toBe('ОГ-2027-1');
  });

  it('skips a number already taken in the organisation', () => {
    open();
    saveRegistration(db, {
      orgId: 'o',
      appealId: 'a',
      status: 'registered',
      regNumber: 'ОГ-2026-1',
      provisionalNumber: null,
      regYear: null,
      regSeq: null,
      registeredAt: null,
      card: {},
      now: NOW,
    });
    expect(takeOfficialNumber(db, ORG, 2026, 'statement')).toEqual({ regNumber: 'ОГ-2026-2', year: 2026, seq: 2 });
    expect(takeOfficialNumber(db, { ...ORG, id: 'p' }, 2026, 'statement').regNumber).toBe('ОГ-2026-1');
  });
});

describe('organisation directory', () => {
  it('adds a configured organisation that is not in the directory', () => {
    const list = organisationDirectory([
      { id: 'new', name: 'Новая организация', regIndex: 'ОГ', numberingPattern: '{seq}' },
    ]);
    expect(list).toHaveLength(DIRECTORY.length + 1);
    expect(list.at(-1)).toEqual({ id: 'new', name: 'Новая организация', unp: '', state: true, parentId: null });
  });

  it('a configured organisation taking over an entry keeps its subordinates [4.7]', () => {
    const list = organisationDirectory([
      {
        id: 'demo-org',
        name: 'Администрация Октябрьского района г. Минска',
        regIndex: 'ОГ',
        numberingPattern: '{seq}',
      },
    ]);
    expect(list.find((o) => o.id === 'minsk-oktyabrsky')).toBeUndefined();
    expect(list.find((o) => o.id === 'demo-org')).toMatchObject({ unp: '100584162', parentId: 'minsk-gik' });
    const subordinates = directoryFor(list, 'demo-org').filter((o) => o.subordinate);
    expect(subordinates.map((o) => o.id)).toEqual(['oktyabrsky-tcson', 'oktyabrsky-zhkkh', 'oktyabrsky-fok']);
    expect(subordinates.every((o) => o.state && o.parentId === 'demo-org')).toBe(true);
    // Seen by the city executive committee, the district administrations are its subordinates.
    const city = directoryFor(list, 'minsk-gik');
    expect(city.filter((o) => o.subordinate).map((o) => o.id)).toEqual(['demo-org', 'minsk-frunzensky']);
    expect(city.some((o) => o.id === 'minsk-gik')).toBe(false);
  });
});
