import { afterEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { appendCommand } from '../../../../electron/services/outbox/append-command';
import { applyPage } from '../../../../electron/services/sync/apply-page';
import { unappliedReviewKey } from '../../../../electron/services/sync/apply-review-change';
import { filesOfCommand } from '../../../../electron/services/sync/command-files';
import { pushOutbox } from '../../../../electron/services/sync/push-outbox';
import { SyncEngine } from '../../../../electron/services/sync/sync-engine';
import { readCursor, readState } from '../../../../electron/services/sync/sync-state';
import { type ReviewCommand, reviewCommandSchema } from '../../../../shared/review/actions';
import type { ChangesPage, Organisation } from '../../../../shared/sync/protocol';
import { TINY_PDF } from '../../../helpers/test-services';
import { FakeCentralApi } from './fake-central-api';
import { centralServices, count, type Env, registerSome } from './sync-fixtures';

let env: Env;
afterEach(() => env?.cleanup());

type ReviewCommandInput = z.input<typeof reviewCommandSchema>;

const NOW = new Date('2026-03-10T12:00:00+03:00');
const FAST_UPLOAD = { attempts: 2, baseMs: 1, maxMs: 2 };

function command(appealId: string, fields: Partial<ReviewCommandInput> = {}): ReviewCommand {
  return reviewCommandSchema.parse({
    appealId,
    at: '2026-03-10T12:00:00+03:00',
    actor: { id: 'u-clerk', name: 'Петрова Анна Сергеевна' },
    entityId: null,
    statusBefore: 'registered',
    statusAfter: 'registered',
    action: { type: 'setControl', controllerId: 'u-clerk', dueDate: '2026-03-20' },
    ...fields,
  });
}

const pdf = (tag: string) => Buffer.concat([TINY_PDF, Buffer.from(`%${tag}\n`)]);

describe('files of a command', () => {
  it('are a card’s attachments, a review command’s files and its action’s, nothing for other types', () => {
    const a = 'a'.repeat(64);
    const b = 'b'.repeat(64);
    const c = 'c'.repeat(64);
    expect(
      filesOfCommand({ type: 'RegisterAppeal', payload: JSON.stringify({ attachments: [{ sha256: a }] }) }),
    ).toEqual([a]);
    const review = {
      files: [{ sha256: b }, { sha256: c }],
      action: { type: 'complete', files: [{ sha256: c }, { sha256: a }] },
    };
    expect(filesOfCommand({ type: 'ReviewAction', payload: JSON.stringify(review) })).toEqual([b, c, a]);
    expect(filesOfCommand({ type: 'SomethingElse', payload: JSON.stringify(review) })).toEqual([]);
  });
});

describe('push of ReviewAction commands', () => {
  it('uploads the files an action refers to before the command', async () => {
    env = centralServices();
    const [id = ''] = registerSome(env, 1);
    const sha256 = env.services.files.put(pdf('answer'));
    const file = { sha256, name: 'ответ.pdf', size: 1, type: 'application/pdf' };
    const db = env.services.store.db;
    env.services.store.sqlite.transaction(() =>
      appendCommand(db, 'ReviewAction', id, command(id, { files: [file] }), NOW),
    )();
    const api = new FakeCentralApi();
    let uploadedFirst = false;
    api.rejectWhen = (c) => {
      if (c.type === 'ReviewAction') uploadedFirst = api.files.has(sha256);
      return null;
    };
    const report = await pushOutbox({
      store: env.services.store,
      files: env.services.files,
      api,
      now: () => NOW,
      batchSize: 50,
      upload: FAST_UPLOAD,
    });
    expect(report).toMatchObject({ applied: 2, rejected: 0, filesUploaded: 1 });
    expect(uploadedFirst).toBe(true);
  });

  it('a rejected ReviewAction is listed for the clerk with the action and the card’s number', async () => {
    env = centralServices();
    const [id = ''] = registerSome(env, 1);
    const db = env.services.store.db;
    env.services.store.sqlite.transaction(() => appendCommand(db, 'ReviewAction', id, command(id), NOW))();
    const api = new FakeCentralApi();
    api.rejectWhen = (c) =>
      c.type === 'ReviewAction' ? { code: 'CONFLICT', message: 'Обращение изменено на другом рабочем месте' } : null;
    const engine = new SyncEngine({ store: env.services.store, files: env.services.files, api, upload: FAST_UPLOAD });
    expect((await engine.syncOnce()).push).toMatchObject({ applied: 1, rejected: 1 });
    expect(engine.status().rejected).toEqual([
      expect.objectContaining({
        type: 'ReviewAction',
        action: 'setControl',
        appealId: id,
        regNumber: 'ОГ-2026-1',
        reason: { code: 'CONFLICT', message: 'Обращение изменено на другом рабочем месте' },
      }),
    ]);
  });
});

describe('applying appeal.action', () => {
  const page = (changes: unknown[]): ChangesPage => ({
    changes,
    next: (changes.at(-1) as { seq: number }).seq,
    hasMore: false,
  });

  it('an action that cannot be applied is rolled back alone and kept for an administrator; the feed goes on', () => {
    env = centralServices();
    const [id = ''] = registerSome(env, 1);
    // The same executor twice: the resolution row is written, then its second task breaks the primary key.
    const broken = command(id, {
      statusAfter: 'under_resolution',
      entityId: 'r-1',
      action: {
        type: 'createResolution',
        text: 'Проверить',
        executors: [
          { userId: 'u-head', dueDate: '2026-03-20' },
          { userId: 'u-head', dueDate: '2026-03-20' },
        ],
        responsibleUserId: 'u-head',
      },
    });
    const outcome = applyPage(
      env.services.store,
      env.services.files,
      page([
        { seq: 1, type: 'appeal.action', data: { commandId: 'c-broken', command: broken } },
        { seq: 2, type: 'appeal.action', data: { commandId: 'c-control', command: command(id) } },
      ]),
      NOW,
    );
    expect(outcome).toMatchObject({ applied: 1, unchanged: 1, cursor: 2 });
    expect(readCursor(env.services.store.db)).toBe(2);
    expect(JSON.parse(readState(env.services.store.db, unappliedReviewKey('c-broken')) ?? '{}')).toMatchObject({
      appealId: id,
    });
    expect(count(env, 'SELECT count(*) AS n FROM resolutions')).toBe(0);
    expect(count(env, "SELECT count(*) AS n FROM appeals WHERE status = 'under_resolution'")).toBe(0);
    expect(count(env, "SELECT count(*) AS n FROM review_events WHERE command_id = 'c-control'")).toBe(1);
    expect(count(env, "SELECT count(*) AS n FROM appeals WHERE control_by = 'u-clerk'")).toBe(1);
  });

  it('an action of an unknown appeal is skipped; a malformed one is kept as an invalid change', () => {
    env = centralServices();
    const outcome = applyPage(
      env.services.store,
      env.services.files,
      page([
        { seq: 1, type: 'appeal.action', data: { commandId: 'c-1', command: command('no-such-appeal') } },
        { seq: 2, type: 'appeal.action', data: { commandId: 'c-2', command: { appealId: 'x' } } },
      ]),
      NOW,
    );
    expect(outcome).toMatchObject({ applied: 0, unchanged: 1, invalid: 1, cursor: 2 });
    expect(count(env, 'SELECT count(*) AS n FROM review_events')).toBe(0);
  });
});

describe('directory refresh in a round', () => {
  class DirectoryApi extends FakeCentralApi {
    directory: Organisation[] | Error = [];
    override async organisations(): Promise<Organisation[]> {
      if (this.directory instanceof Error) throw this.directory;
      return this.directory;
    }
  }
  const org = (id: string, subordinate = false): Organisation => ({
    id,
    name: `Организация ${id}`,
    unp: '100000000',
    state: true,
    parentId: null,
    subordinate,
  });
  const directory = () =>
    env.services.store.sqlite.prepare('SELECT id, subordinate FROM directory_organisations ORDER BY id').all();

  it('a failed or empty directory neither fails the round nor empties the directory; the next round asks again', async () => {
    env = centralServices();
    let now = NOW.getTime();
    const api = new DirectoryApi();
    const lines: string[] = [];
    const engine = new SyncEngine({
      store: env.services.store,
      files: env.services.files,
      api,
      clock: () => new Date(now),
      log: (line) => lines.push(line),
    });
    api.directory = [org('a'), org('b', true)];
    expect(await engine.syncOnce()).toMatchObject({ ok: true, directory: 2 });
    expect(directory()).toEqual([
      { id: 'a', subordinate: 0 },
      { id: 'b', subordinate: 1 },
    ]);

    now += 3_600_000;
    api.directory = new Error('GET /organisations: HTTP 503');
    expect(await engine.syncOnce()).toMatchObject({ ok: true, directory: null });
    expect(lines.at(-1)).toContain('справочник организаций не обновлён');
    api.directory = [];
    expect(await engine.syncOnce()).toMatchObject({ ok: true, directory: 0 });
    expect(directory()).toHaveLength(2);

    api.directory = [org('b'), org('c')];
    expect(await engine.syncOnce()).toMatchObject({ ok: true, directory: 2 });
    expect(directory()).toEqual([
      { id: 'b', subordinate: 0 },
      { id: 'c', subordinate: 0 },
    ]);
  });
});
