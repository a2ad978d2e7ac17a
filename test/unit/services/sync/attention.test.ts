import { afterEach, describe, expect, it } from 'vitest';
import { getAppeal } from '../../../../electron/services/appeals/get-appeal';
import { applyPage } from '../../../../electron/services/sync/apply-page';
import { unappliedRegistrationKey } from '../../../../electron/services/sync/apply-registered-appeal';
import { unappliedReviewKey } from '../../../../electron/services/sync/apply-review-change';
import { syncHandlers } from '../../../../electron/services/sync/handlers';
import { SyncEngine } from '../../../../electron/services/sync/sync-engine';
import { writeState } from '../../../../electron/services/sync/sync-state';
import { syncStatus } from '../../../../electron/services/sync/sync-view';
import { FakeCentralApi } from './fake-central-api';
import { centralServices, count, type Env, registerSome } from './sync-fixtures';

let env: Env;
afterEach(() => env?.cleanup());

const NUMBER_TAKEN = { code: 'NUMBER_TAKEN', message: 'Регистрационный номер уже присвоен другому обращению' };

/** A workstation whose first registration the central system refuses until `refuse` is cleared. */
async function refusedRegistration() {
  env = centralServices();
  const api = new FakeCentralApi();
  let refuse = true;
  api.rejectWhen = () => (refuse ? NUMBER_TAKEN : null);
  const engine = new SyncEngine({ store: env.services.store, files: env.services.files, api });
  env.services.sync = engine;
  env.clerk.sync = engine;
  const [id = ''] = registerSome(env, 1);
  await engine.syncOnce();
  const [rejected] = syncStatus(env.clerk).rejected;
  if (!rejected) throw new Error('expected a refused command');
  return { api, engine, id, rejected, accept: () => (refuse = false) };
}

const historyTexts = (id: string) => getAppeal(env.services.store.db, id).history.map((h) => h.text);

describe('«Требуют внимания»: re-send and discard', () => {
  it('re-sends a refused registration as a new command with the card as it is now, then it is applied', async () => {
    const { api, engine, id, rejected, accept } = await refusedRegistration();
    expect(rejected).toMatchObject({ type: 'RegisterAppeal', appealId: id, reason: NUMBER_TAKEN });
    accept();
    const { commandId } = await syncHandlers['sync:resend'](env.clerk, { commandId: rejected.commandId });
    expect(commandId).not.toBe(rejected.commandId);
    expect(syncStatus(env.clerk).rejected).toEqual([]);
    expect(syncStatus(env.clerk).pending).toBe(1);
    await engine.syncOnce();
    expect(api.results.get(commandId)?.outcome).toBe('applied');
    const states = env.services.store.sqlite.prepare('SELECT state FROM outbox ORDER BY seq').all();
    expect(states).toEqual([{ state: 'resent' }, { state: 'applied' }]);
    expect(getAppeal(env.services.store.db, id).numberProvisional).toBe(false);
    expect(historyTexts(id).join('\n')).toContain('повторно отправлена');
  });

  it('discards a refused change: kept on the workstation, recorded in history, gone from the list', async () => {
    const { id, rejected } = await refusedRegistration();
    await syncHandlers['sync:discard'](env.clerk, { commandId: rejected.commandId });
    expect(syncStatus(env.clerk).rejected).toEqual([]);
    expect(count(env, "SELECT count(*) AS n FROM outbox WHERE state = 'discarded'")).toBe(1);
    const card = getAppeal(env.services.store.db, id);
    expect(card.status).toBe('registered');
    expect(historyTexts(id).join('\n')).toContain('сохранено только на рабочем месте');
    // Settled once: a second discard or a re-send of the same command is refused.
    await expect(
      Promise.resolve().then(() => syncHandlers['sync:discard'](env.clerk, { commandId: rejected.commandId })),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      Promise.resolve().then(() => syncHandlers['sync:resend'](env.clerk, { commandId: rejected.commandId })),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('is for clerks and the administrator only', async () => {
    const { rejected } = await refusedRegistration();
    const head = { ...env.clerk, session: { user: { ...env.clerk.session.user!, roles: ['head' as const] } } };
    expect(() => syncHandlers['sync:discard'](head, { commandId: rejected.commandId })).toThrow(
      expect.objectContaining({ code: 'NOT_ALLOWED' }),
    );
    expect(syncStatus(env.clerk).rejected).toHaveLength(1);
  });
});

describe('changes from other workstations that could not be applied here', () => {
  it('are listed with their reason and the card when this workstation holds it', async () => {
    const { id } = await refusedRegistration();
    const { db } = env.services.store;
    writeState(db, unappliedReviewKey('c-1'), JSON.stringify({ appealId: id, message: 'Недопустимый переход' }));
    writeState(db, unappliedRegistrationKey('far-away'), JSON.stringify({ regNumber: 'ОГ-7', message: 'Нет темы' }));
    writeState(db, 'cursor', '5');
    const { unapplied } = syncStatus(env.clerk);
    expect(unapplied).toEqual([
      {
        key: 'unapplied_registration:far-away',
        kind: 'registration',
        appealId: null,
        regNumber: 'ОГ-7',
        message: 'Нет темы',
      },
      {
        key: 'unapplied_review:c-1',
        kind: 'review',
        appealId: id,
        regNumber: getAppeal(db, id).regNumber,
        message: 'Недопустимый переход',
      },
    ]);
  });
});

describe('a withdrawal the card here cannot take (conflict)', () => {
  it('keeps the local status, lists the conflict for the clerk, who acknowledges it (history records both)', async () => {
    const { id } = await refusedRegistration();
    const { store, files } = env.services;
    // The card moved on here: completed offline, say — the central withdrawal arrives afterwards.
    store.sqlite.prepare("UPDATE appeals SET status = 'completed' WHERE id = ?").run(id);
    const page = {
      changes: [{ seq: 1, type: 'appeal.status', data: { appealId: id, status: 'withdrawn', note: 'по заявлению' } }],
      next: 1,
      hasMore: false,
    };
    applyPage(store, files, page, new Date());
    expect(getAppeal(store.db, id).status).toBe('completed');
    const [conflict] = syncStatus(env.clerk).unapplied;
    expect(conflict).toMatchObject({ kind: 'status', appealId: id, message: expect.stringContaining('отзыве') });

    syncHandlers['sync:acknowledge'](env.clerk, { key: conflict?.key ?? '' });
    expect(syncStatus(env.clerk).unapplied).toEqual([]);
    expect(historyTexts(id).join('\n')).toContain('рассмотрено делопроизводителем');
    expect(() => syncHandlers['sync:acknowledge'](env.clerk, { key: conflict?.key ?? '' })).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
  });
});

describe('local numbering next to cards received from other workstations', () => {
  it('skips a number the feed already brought here instead of failing the registration', async () => {
    env = centralServices();
    env.services.store.sqlite.prepare("UPDATE organisations SET numbering_authority = 'local'").run();
    const [first = ''] = registerSome(env, 1);
    const taken = getAppeal(env.services.store.db, first).regNumber ?? '';
    // The next number is held by a card another workstation registered (as appeal.registered puts it).
    const next = taken.replace(/\d+$/, (n) => String(Number(n) + 1));
    env.services.store.sqlite.prepare('UPDATE appeals SET reg_number = ? WHERE id = ?').run(next, first);
    const [second = ''] = registerSome(env, 1);
    const number = getAppeal(env.services.store.db, second).regNumber ?? '';
    expect(number).not.toBe(next);
    expect(number).toBe(taken.replace(/\d+$/, (n) => String(Number(n) + 2)));
  });
});
