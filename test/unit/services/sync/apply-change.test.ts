import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { getAppeal } from '../../../../electron/services/appeals/get-appeal';
import { applyPage } from '../../../../electron/services/sync/apply-page';
import { readCursor, readState } from '../../../../electron/services/sync/sync-state';
import type { ChangesPage } from '../../../../shared/sync/protocol';
import { TINY_PDF } from '../../../helpers/test-services';
import { centralServices, count, type Env, filedAppeal } from './sync-fixtures';

let env: Env;
afterEach(() => env?.cleanup());

const now = new Date('2026-03-10T10:00:00+03:00');
const apply = (page: ChangesPage) => applyPage(env.services.store, env.services.files, page, now);

function snapshot() {
  const { sqlite } = env.services.store;
  return ['appeals', 'attachments', 'history', 'appeal_topics', 'topics', 'sync_state'].map((table) =>
    sqlite.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all(),
  );
}

describe('applying a page of the change feed', () => {
  it('creates a received card with its files, deadline and history; the same page twice changes nothing', () => {
    env = centralServices();
    const sha256 = env.services.files.put(TINY_PDF);
    const filed = filedAppeal([{ sha256, name: 'заявление.pdf', size: TINY_PDF.length }]);
    const page: ChangesPage = { changes: [{ seq: 1, type: 'appeal.filed', data: filed }], next: 1, hasMore: false };

    expect(apply(page)).toMatchObject({ applied: 1, cursor: 1 });
    const card = getAppeal(env.services.store.db, filed.id);
    expect(card).toMatchObject({ status: 'received', source: 'portal', regNumber: null });
    expect(card.attachments).toEqual([
      { sha256, name: 'заявление.pdf', size: TINY_PDF.length, type: 'application/pdf', participantsList: false },
    ]);
    expect(card.deadlineExplanation).toContain('регламент, п. 4.4');
    expect(card.history.map((h) => h.text)).toEqual(['Поступило из системы обращений']);
    expect(card.history[0]?.user).toBe('Система обращений (обращения.бел)');

    const before = snapshot();
    expect(apply(page)).toMatchObject({ applied: 0, unchanged: 1, cursor: 1 });
    expect(snapshot()).toEqual(before);
  });

  it('ignores a repeated appeal.filed even under a new seq (INSERT OR IGNORE by the central id)', () => {
    env = centralServices();
    const filed = filedAppeal();
    apply({ changes: [{ seq: 1, type: 'appeal.filed', data: filed }], next: 1, hasMore: false });
    apply({ changes: [{ seq: 2, type: 'appeal.filed', data: filed }], next: 2, hasMore: false });
    expect(count(env, 'SELECT count(*) AS n FROM appeals')).toBe(1);
    expect(count(env, 'SELECT count(*) AS n FROM history')).toBe(1);
    expect(readCursor(env.services.store.db)).toBe(2);
  });

  it('skips unknown change types but moves the cursor past them', () => {
    env = centralServices();
    const before = snapshot();
    const outcome = apply({
      changes: [
        { seq: 7, type: 'appeal.reassigned', data: { anything: true } },
        { seq: 8, type: 42 },
        { seq: 9, type: 'classifier.territory', data: { code: 'BR' } },
      ],
      next: 9,
      hasMore: false,
    });
    expect(outcome).toMatchObject({ applied: 0, unknown: 3, invalid: 0, cursor: 9 });
    expect(snapshot().slice(0, 5)).toEqual(before.slice(0, 5));
  });

  it('keeps a known change that fails the schema for an administrator instead of dropping it silently', () => {
    env = centralServices();
    const outcome = apply({ changes: [{ seq: 3, type: 'appeal.filed', data: { id: 'x' } }], next: 3, hasMore: false });
    expect(outcome).toMatchObject({ invalid: 1, cursor: 3 });
    expect(readState(env.services.store.db, 'invalid_change:3')).toContain('"id":"x"');
  });

  it('marks a received appeal withdrawn once, and only records other statuses', () => {
    env = centralServices();
    const filed = filedAppeal();
    const withdraw = { appealId: filed.id, status: 'withdrawn', note: 'по заявлению' };
    apply({
      changes: [
        { seq: 1, type: 'appeal.filed', data: filed },
        { seq: 2, type: 'appeal.status', data: withdraw },
        { seq: 3, type: 'appeal.status', data: withdraw },
        { seq: 4, type: 'appeal.status', data: { appealId: filed.id, status: 'archived' } },
      ],
      next: 4,
      hasMore: false,
    });
    const card = getAppeal(env.services.store.db, filed.id);
    expect(card.status).toBe('withdrawn');
    expect(card.history.map((h) => h.action)).toEqual(['received', 'withdrawn', 'central_status']);
    expect(card.history[1]?.text).toBe('Заявитель отозвал обращение в системе обращений: по заявлению');
  });

  it('upserts classifier topics and removes only those no card uses', () => {
    env = centralServices();
    apply({
      changes: [
        { seq: 1, type: 'classifier.topic', data: { code: '02', parentCode: null, name: 'Транспорт' } },
        { seq: 2, type: 'classifier.topic', data: { code: '01', parentCode: null, name: 'ЖКХ', removed: false } },
        { seq: 3, type: 'classifier.topic', data: { code: '02', parentCode: null, name: 'x', removed: true } },
      ],
      next: 3,
      hasMore: false,
    });
    const names = env.services.store.sqlite.prepare('SELECT code, name FROM topics ORDER BY code').all();
    expect(names).toEqual([
      { code: '01', name: 'ЖКХ' },
      { code: '01.001', name: 'Оплата жилищно-коммунальных услуг' },
    ]);
    const filed = filedAppeal();
    apply({
      changes: [
        { seq: 4, type: 'appeal.filed', data: filed },
        { seq: 5, type: 'classifier.topic', data: { code: '01.001', parentCode: '01', name: '', removed: true } },
      ],
      next: 5,
      hasMore: false,
    });
    expect(count(env, "SELECT count(*) AS n FROM topics WHERE code = '01.001'")).toBe(1);
  });

  it('notes a file the server could not give instead of stalling the feed', () => {
    env = centralServices();
    const sha256 = createHash('sha256').update('lost').digest('hex');
    const filed = filedAppeal([{ sha256, name: 'потерян.pdf', size: 4 }]);
    apply({ changes: [{ seq: 1, type: 'appeal.filed', data: filed }], next: 1, hasMore: false });
    const card = getAppeal(env.services.store.db, filed.id);
    expect(card.history[0]?.text).toBe('Поступило из системы обращений; не получены файлы: потерян.pdf');
    expect(card.attachments[0]?.type).toBe('application/octet-stream');
  });
});
