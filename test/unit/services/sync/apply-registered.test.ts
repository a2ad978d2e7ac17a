import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, describe, expect, it } from 'vitest';
import { getAppeal } from '../../../../electron/services/appeals/get-appeal';
import { applyPage } from '../../../../electron/services/sync/apply-page';
import { unappliedRegistrationKey } from '../../../../electron/services/sync/apply-registered-appeal';
import { readCursor, readState } from '../../../../electron/services/sync/sync-state';
import type { AppealDraftInput } from '../../../../shared/appeals';
import { type ChangesPage, type RegisteredAppeal, registeredAppealSchema } from '../../../../shared/sync/protocol';
import { draft, TINY_PDF } from '../../../helpers/test-services';
import { centralServices, count, type Env, filedAppeal, registerSome } from './sync-fixtures';

let env: Env;
afterEach(() => env?.cleanup());

const now = new Date('2026-03-12T10:00:00+03:00');
const apply = (page: ChangesPage) => applyPage(env.services.store, env.services.files, page, now);
const page = (...changes: { type: string; data: unknown }[]): ChangesPage => {
  const start = readCursor(env.services.store.db);
  return {
    changes: changes.map((c, i) => ({ seq: start + i + 1, ...c })),
    next: start + changes.length,
    hasMore: false,
  };
};

/** A card as another workstation registered it and the central system announces it. */
function registered(
  card: Record<string, unknown> = {},
  requisites: Partial<AppealDraftInput> = {},
  files: RegisteredAppeal['files'] = [],
): RegisteredAppeal {
  return registeredAppealSchema.parse({
    card: {
      ...draft(requisites),
      id: uuidv7(),
      status: 'registered',
      regNumber: 'ОГ-2026-7',
      numberProvisional: false,
      registeredAt: '2026-03-10T11:00:00+03:00',
      deadlineAt: '2026-03-26T23:59:59.999+03:00',
      deadlineExplanation: '15 дней со дня, следующего за регистрацией',
      attachments: files.map((f) => ({ sha256: f.sha256, name: f.name, participantsList: false })),
      ...card,
    },
    files,
  });
}

const registeredChange = (data: RegisteredAppeal) => ({ type: 'appeal.registered', data });

describe('applying appeal.registered', () => {
  it('enters a card registered elsewhere: number, deadline, requisites, files and one history entry', () => {
    env = centralServices();
    const sha256 = env.services.files.put(TINY_PDF);
    const data = registered({}, { topicCodes: ['01.001', '99.999'], responsibleHeadId: 'u-head' }, [
      { sha256, name: 'скан.pdf', size: TINY_PDF.length },
    ]);
    expect(apply(page(registeredChange(data)))).toMatchObject({ applied: 1, invalid: 0 });
    const card = getAppeal(env.services.store.db, data.card.id);
    expect(card).toMatchObject({
      status: 'registered',
      regNumber: 'ОГ-2026-7',
      numberProvisional: false,
      registeredAt: '2026-03-10T11:00:00.000+03:00',
      deadlineExplanation: '15 дней со дня, следующего за регистрацией',
      summary: data.card.summary,
      responsibleHeadId: 'u-head',
      // A topic the local classifier does not have yet is left out.
      topicCodes: ['01.001'],
      attachments: [
        { sha256, name: 'скан.pdf', size: TINY_PDF.length, type: 'application/pdf', participantsList: false },
      ],
    });
    expect(Date.parse(card.deadlineAt ?? '')).toBe(Date.parse('2026-03-26T23:59:59.999+03:00'));
    expect(card.history).toEqual([
      {
        at: '2026-03-10T11:00:00.000+03:00',
        user: 'Система обращений (обращения.бел)',
        action: 'registered',
        text: 'Зарегистрировано на другом рабочем месте под номером ОГ-2026-7',
        changes: [{ field: 'Срок рассмотрения', from: '', to: '15 дней со дня, следующего за регистрацией' }],
      },
    ]);
    expect(count(env, 'SELECT count(*) AS n FROM appeals WHERE reg_year = 2026 AND reg_seq = 7')).toBe(1);
    // No outbox command: the card came from the central system.
    expect(count(env, 'SELECT count(*) AS n FROM outbox')).toBe(0);
  });

  it('leaves out a responsible head this workstation has no account of, notes a file not received, computes a missing deadline', () => {
    env = centralServices();
    const lost = createHash('sha256').update('lost').digest('hex');
    const data = registered({ deadlineAt: null, deadlineExplanation: null }, { responsibleHeadId: 'u-elsewhere' }, [
      { sha256: lost, name: 'потерян.pdf', size: 4 },
    ]);
    expect(apply(page(registeredChange(data)))).toMatchObject({ applied: 1 });
    const card = getAppeal(env.services.store.db, data.card.id);
    expect(card.responsibleHeadId).toBeNull();
    expect(card.attachments).toEqual([
      { sha256: lost, name: 'потерян.pdf', size: 4, type: 'application/octet-stream', participantsList: false },
    ]);
    expect(card.history[0]?.text).toBe(
      'Зарегистрировано на другом рабочем месте под номером ОГ-2026-7; не получены файлы: потерян.pdf',
    );
    expect(card.deadlineAt).not.toBeNull();
    expect(card.deadlineExplanation).toMatch(/15/);
  });

  it('on the registering workstation changes nothing, or only takes the official number once', () => {
    env = centralServices();
    const [id = ''] = registerSome(env, 1);
    const local = getAppeal(env.services.store.db, id);
    expect(local).toMatchObject({ regNumber: 'ВР-01-2026-1', numberProvisional: true });
    const data = registered({ id, regNumber: 'ОГ-2026-1' }, { summary: 'Изменено где-то ещё' });
    const snapshot = () =>
      ['appeals', 'history', 'attachments', 'appeal_topics'].map((t) =>
        env.services.store.sqlite.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all(),
      );

    expect(
      apply(page(registeredChange(data), { type: 'appeal.numbered', data: { appealId: id, regNumber: 'ОГ-2026-1' } })),
    ).toMatchObject({ applied: 1, unchanged: 1 });
    const card = getAppeal(env.services.store.db, id);
    expect(card).toMatchObject({ regNumber: 'ОГ-2026-1', numberProvisional: false, summary: local.summary });
    expect(card.history.map((h) => h.action)).toEqual(['created', 'registered', 'numbered']);

    const before = snapshot();
    expect(apply(page(registeredChange(data)))).toMatchObject({ applied: 0, unchanged: 1 });
    expect(snapshot()).toEqual(before);
  });

  it('does not take a number another local card holds: the card is entered without it, noted, and the feed goes on', () => {
    env = centralServices();
    env.services.store.sqlite.prepare("UPDATE organisations SET numbering_authority = 'local'").run();
    const [mine = ''] = registerSome(env, 1);
    expect(getAppeal(env.services.store.db, mine).regNumber).toBe('ОГ-2026-1');
    const data = registered({ regNumber: 'ОГ-2026-1' });
    const next = registered({ regNumber: 'ОГ-2026-2' });
    expect(apply(page(registeredChange(data), registeredChange(next)))).toMatchObject({ applied: 2, cursor: 2 });
    const card = getAppeal(env.services.store.db, data.card.id);
    expect(card).toMatchObject({ status: 'registered', regNumber: null });
    expect(card.history[0]?.text).toBe(
      'Зарегистрировано на другом рабочем месте под номером ОГ-2026-1; номер ОГ-2026-1 уже занят другой карточкой этого рабочего места и не присвоен',
    );
    expect(getAppeal(env.services.store.db, mine).regNumber).toBe('ОГ-2026-1');
    expect(getAppeal(env.services.store.db, next.card.id).regNumber).toBe('ОГ-2026-2');
  });

  it('a portal appeal held as «поступило» becomes registered, its requisites as registered, history listing the changes', () => {
    env = centralServices();
    const sha256 = env.services.files.put(TINY_PDF);
    const filed = filedAppeal([{ sha256, name: 'заявление.pdf', size: TINY_PDF.length }]);
    apply(page({ type: 'appeal.filed', data: filed }));
    const { attachments: _none, ...requisites } = filed.draft as typeof filed.draft & { attachments?: unknown };
    const data = registered(
      { id: filed.id },
      { ...requisites, summary: 'О протечке крыши (уточнено)', needsAdditionalStudy: true },
      [{ sha256, name: 'заявление.pdf', size: TINY_PDF.length }],
    );
    expect(apply(page(registeredChange(data)))).toMatchObject({ applied: 1 });
    const card = getAppeal(env.services.store.db, filed.id);
    expect(card).toMatchObject({
      status: 'registered',
      regNumber: 'ОГ-2026-7',
      source: 'portal',
      summary: 'О протечке крыши (уточнено)',
      needsAdditionalStudy: true,
      deadlineExplanation: '15 дней со дня, следующего за регистрацией',
    });
    expect(card.attachments.map((a) => a.sha256)).toEqual([sha256]);
    // Received here after it was registered elsewhere: the registration still comes second.
    expect(card.history.map((h) => h.action)).toEqual(['received', 'registered']);
    expect(card.history[1]?.at).toBe(card.history[0]?.at);
    expect(card.history[1]?.changes).toEqual([
      { field: 'Статус', from: 'поступило', to: 'зарегистрировано' },
      { field: 'Краткое содержание', from: filed.draft.summary, to: 'О протечке крыши (уточнено)' },
      { field: 'Требует дополнительного изучения', from: 'false', to: 'true' },
      { field: 'Срок рассмотрения', from: '', to: '15 дней со дня, следующего за регистрацией' },
    ]);
    expect(apply(page(registeredChange(data)))).toMatchObject({ applied: 0, unchanged: 1 });
    expect(count(env, 'SELECT count(*) AS n FROM history')).toBe(2);
  });

  it('a card the working copy cannot take is rolled back alone and kept for an administrator', () => {
    env = centralServices();
    env.services.store.sqlite.exec(
      "CREATE TEMP TRIGGER refuse BEFORE INSERT ON attachments WHEN NEW.name = 'сбой.pdf' BEGIN SELECT RAISE(ABORT, 'диск'); END",
    );
    const sha256 = env.services.files.put(TINY_PDF);
    const broken = registered({}, {}, [{ sha256, name: 'сбой.pdf', size: TINY_PDF.length }]);
    const fine = registered({ regNumber: 'ОГ-2026-8' });
    expect(apply(page(registeredChange(broken), registeredChange(fine)))).toMatchObject({
      applied: 1,
      unchanged: 1,
      cursor: 2,
    });
    expect(count(env, 'SELECT count(*) AS n FROM appeals WHERE id = ?', broken.card.id)).toBe(0);
    expect(count(env, 'SELECT count(*) AS n FROM history WHERE appeal_id = ?', broken.card.id)).toBe(0);
    expect(JSON.parse(readState(env.services.store.db, unappliedRegistrationKey(broken.card.id)) ?? '{}')).toEqual({
      regNumber: 'ОГ-2026-7',
      message: 'диск',
    });
    expect(getAppeal(env.services.store.db, fine.card.id).regNumber).toBe('ОГ-2026-8');
  });
});
