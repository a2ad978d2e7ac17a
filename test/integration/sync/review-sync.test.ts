import { afterEach, describe, expect, it } from 'vitest';
import { getAppeal } from '../../../electron/services/appeals/get-appeal';
import { handlers } from '../../../electron/services/handlers';
import { applyPage } from '../../../electron/services/sync/apply-page';
import { SyncEngine } from '../../../electron/services/sync/sync-engine';
import { writeCursor } from '../../../electron/services/sync/sync-state';
import { type CentralServer, createCentralServer } from '../../../server/create-server';
import { appealDraftSchema, appealListQuerySchema } from '../../../shared/appeals';
import { DEMO_ORGANISATION } from '../../../shared/demo/demo-organisation';
import { TINY_PDF } from '../../helpers/test-services';
import { filedAppeal } from '../../unit/services/sync/sync-fixtures';
import { makeReviewWorld } from '../review/review-fixture';
import { CLIENT, testApi } from './sync-harness';

/** The central organisation is the demo administration, so the directory has subordinates for it [4.7]. */
const ORG = 'demo-org';

type World = ReturnType<typeof makeReviewWorld>;

let central: CentralServer | null = null;
const worlds: World[] = [];
afterEach(async () => {
  await central?.close();
  central = null;
  for (const w of worlds.splice(0)) w.cleanup();
});

/** A workstation of the organisation: its own data folder, central numbering, a sync engine. */
function workstation(url: string) {
  const world = makeReviewWorld();
  worlds.push(world);
  world.services.store.sqlite.prepare("UPDATE organisations SET numbering_authority = 'central'").run();
  const api = testApi(url, 2_000);
  const engine = new SyncEngine({
    store: world.services.store,
    files: world.services.files,
    api,
    clock: world.services.clock,
  });
  const sync = async () => {
    const report = await engine.syncOnce();
    expect(report.error).toBeNull();
    return report;
  };
  const rows = (table: string, order: string) =>
    world.services.store.sqlite.prepare(`SELECT * FROM ${table} ORDER BY ${order}`).all();
  /** Everything the review process wrote (timestamps come from the command, so workstations agree). */
  const review = () => ({
    resolutions: rows('resolutions', 'id'),
    tasks: rows('resolution_tasks', 'resolution_id, executor_id'),
    dispatches: rows('dispatches', 'id'),
    files: rows('review_files', 'owner, position'),
  });
  return { world, api, engine, sync, review, rows };
}

async function start() {
  central = createCentralServer({
    dataDir: null,
    clients: [
      { clientId: CLIENT.clientId, clientSecret: CLIENT.secretAccessKey, orgId: ORG, orgName: DEMO_ORGANISATION.name },
    ],
  });
  const url = await central.listen();
  return { a: workstation(url), b: workstation(url) };
}

/** An applicant files an appeal with one scan on the portal: both workstations receive it. */
function fileOnPortal(server: CentralServer): string {
  const scan = Buffer.concat([TINY_PDF, Buffer.from('%portal-scan\n')]);
  const filed = filedAppeal([{ sha256: server.storeFile(ORG, scan), name: 'заявление.pdf', size: scan.length }]);
  server.fileAppeal(ORG, filed);
  return filed.id;
}

/** The clerk registers a received card as it is. */
function register(world: World, id: string) {
  const card = getAppeal(world.services.store.db, id);
  const draft = appealDraftSchema.parse({ ...card, attachments: card.attachments });
  return handlers['appeals:register'](world.as('clerk'), { id, draft, expectedVersion: null }) as { regNumber: string };
}

const resultFile = (world: World) => {
  const sha256 = world.services.files.put(Buffer.concat([TINY_PDF, Buffer.from('%result-of-execution\n')]));
  return { sha256, name: 'акт обследования.pdf' };
};

describe('review actions between two workstations of one organisation', () => {
  it('B sees A’s resolution, tasks and result with its file; each command applies once everywhere', async () => {
    const { a, b } = await start();
    const id = fileOnPortal(central ?? never());
    await a.sync();
    await b.sync();
    expect(getAppeal(b.world.services.store.db, id).status).toBe('received');

    register(a.world, id);
    a.world.perform('clerk', id, { type: 'assignResponsible', headId: 'u-head' });
    const { entityId: rid } = a.world.perform('head', id, {
      type: 'createResolution',
      text: 'Обследовать кровлю и подготовить ответ заявителю',
      executors: [
        { userId: 'u-exec', dueDate: '2026-03-20' },
        { userId: 'u-exec2', dueDate: '2026-03-18' },
      ],
      responsibleUserId: 'u-exec',
    });
    const file = resultFile(a.world);
    a.world.perform('executor2', id, {
      type: 'submitResult',
      resolutionId: rid ?? never(),
      text: 'Кровля обследована, составлен акт',
      files: [file],
    });
    const pushed = await a.sync();
    expect(pushed.push).toMatchObject({ applied: 4, rejected: 0 });
    expect(pushed.push.filesUploaded).toBeGreaterThanOrEqual(1);
    // A's own commands come back in the feed and change nothing there.
    const before = a.review();
    expect((await a.sync()).pull.applied).toBe(0);
    expect(a.review()).toEqual(before);

    expect(b.world.services.files.has(file.sha256)).toBe(false);
    const pulled = await b.sync();
    expect(pulled.pull.applied).toBeGreaterThanOrEqual(3);
    expect(b.review()).toEqual(a.review());
    expect(b.review().tasks).toHaveLength(2);
    expect(b.world.services.files.has(file.sha256)).toBe(true);
    const cardB = getAppeal(b.world.services.store.db, id);
    expect(cardB).toMatchObject({ status: 'under_resolution', regNumber: 'ОГ-2026-1', numberProvisional: false });
    expect(cardB.history.map((h) => h.text)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Создана резолюция «Обследовать кровлю/)]),
    );
    const commandIds = a.rows('outbox', 'seq').flatMap((r) => {
      const row = r as { type: string; command_id: string };
      return row.type === 'ReviewAction' ? [row.command_id] : [];
    });
    expect(b.rows('review_events', 'rowid').map((r) => (r as { command_id: string }).command_id)).toEqual(commandIds);

    // B acts in turn (the responsible executor accepts the result); A receives it.
    b.world.perform('executor', id, { type: 'acceptResult', resolutionId: rid ?? never(), executorId: 'u-exec2' });
    await b.sync();
    await a.sync();
    expect(a.review()).toEqual(b.review());
    expect(a.review().tasks).toContainEqual(expect.objectContaining({ executor_id: 'u-exec2', state: 'accepted' }));
  });

  it('replaying a feed page applies each action once, even under a lost cursor', async () => {
    const { a, b } = await start();
    const id = fileOnPortal(central ?? never());
    await a.sync();
    await b.sync();
    register(a.world, id);
    a.world.perform('clerk', id, { type: 'assignResponsible', headId: 'u-head' });
    a.world.perform('clerk', id, { type: 'setControl', controllerId: 'u-clerk', dueDate: '2026-03-20', note: '' });
    await a.sync();

    const page = await b.api.changes(0, 500);
    const { store, files, clock } = b.world.services;
    const first = applyPage(store, files, page, clock());
    expect(first.applied).toBeGreaterThanOrEqual(2);
    const state = () => ({ review: b.review(), appeals: b.rows('appeals', 'id'), history: b.rows('history', 'id') });
    const applied = state();
    expect(applyPage(store, files, page, clock())).toMatchObject({ applied: 0 });
    // The cursor lost: the same changes again are recognised by their command ids.
    store.sqlite.transaction(() => writeCursor(store.db, 0))();
    expect(applyPage(store, files, page, clock()).applied).toBe(0);
    expect(state()).toEqual(applied);
    expect(b.rows('review_events', 'rowid')).toHaveLength(2);
  });

  it('an action refused by the central system is in B’s «Требуют внимания»; A’s action wins on both', async () => {
    const { a, b } = await start();
    const id = fileOnPortal(central ?? never());
    await a.sync();
    await b.sync();
    register(a.world, id);
    a.world.perform('clerk', id, { type: 'assignResponsible', headId: 'u-head' });
    await a.sync();
    await b.sync();
    expect(getAppeal(b.world.services.store.db, id).status).toBe('registered');

    // Both act on the same registered appeal before syncing: A first.
    a.world.perform('clerk', id, { type: 'withdraw', note: 'Письменное заявление заявителя об отзыве' });
    b.world.perform('authorised', id, {
      type: 'leaveWithoutConsideration',
      ground: 'out_of_scope',
      text: 'Обращение не попадает под сферу действия Закона',
    });
    await a.sync();
    const report = await b.sync();
    expect(report.push).toMatchObject({ applied: 0, rejected: 1 });
    const [refused] = b.engine.status().rejected;
    expect(refused).toMatchObject({
      type: 'ReviewAction',
      action: 'leaveWithoutConsideration',
      appealId: id,
      regNumber: 'ОГ-2026-1',
      reason: { code: 'CONFLICT' },
    });
    expect(refused?.reason.message).toMatch(/^Обращение изменено на другом рабочем месте: статус «отозвано»/);
    // The central system's order decides: A's withdrawal reached B too.
    expect(getAppeal(b.world.services.store.db, id).status).toBe('withdrawn');
    expect(getAppeal(a.world.services.store.db, id).status).toBe('withdrawn');
  });
});

/** The card as every workstation should show it: everything but its local history and version. */
const shared = (card: ReturnType<typeof getAppeal>) => {
  const { history: _history, version: _version, ...rest } = card;
  return rest;
};

describe('registrations between two workstations of one organisation', () => {
  it('B receives a written appeal registered offline at A — number, requisites, files, history — then A’s review actions', async () => {
    const { a, b } = await start();
    // A's reception registers a written appeal with its scan before syncing: a provisional number.
    const scan = a.world.services.files.put(Buffer.concat([TINY_PDF, Buffer.from('%reception-scan\n')]));
    const { id } = a.world.register({
      form: 'written',
      source: 'reception',
      needsAdditionalStudy: true,
      attachments: [{ sha256: scan, name: 'заявление Иванова.pdf', participantsList: false }],
    });
    expect(getAppeal(a.world.services.store.db, id).regNumber).toBe('ВР-01-2026-1');
    const pushed = await a.sync();
    expect(pushed.push).toMatchObject({ applied: 1, rejected: 0, filesUploaded: 1 });
    // A's own appeal.registered and appeal.numbered come back and change nothing there.
    expect(pushed.pull).toMatchObject({ applied: 0 });
    const cardA = getAppeal(a.world.services.store.db, id);
    expect(cardA).toMatchObject({ status: 'registered', regNumber: 'ОГ-2026-1', numberProvisional: false });
    expect(cardA.history.filter((h) => h.action === 'registered')).toHaveLength(1);

    expect(b.world.services.files.has(scan)).toBe(false);
    const pulled = await b.sync();
    expect(pulled.pull).toMatchObject({ applied: 1, invalid: 0, filesDownloaded: 1 });
    const cardB = getAppeal(b.world.services.store.db, id);
    expect(shared(cardB)).toEqual(shared(cardA));
    expect(cardB).toMatchObject({
      status: 'registered',
      regNumber: 'ОГ-2026-1',
      numberProvisional: false,
      form: 'written',
      needsAdditionalStudy: true,
      attachments: [{ sha256: scan, name: 'заявление Иванова.pdf', type: 'application/pdf' }],
    });
    expect(cardB.deadlineExplanation).toBe(cardA.deadlineExplanation);
    expect(b.world.services.files.read(scan)).toEqual(a.world.services.files.read(scan));
    expect(cardB.history).toEqual([
      expect.objectContaining({
        action: 'registered',
        at: cardA.registeredAt,
        user: 'Система обращений (обращения.бел)',
        text: 'Зарегистрировано на другом рабочем месте под номером ОГ-2026-1',
        changes: [{ field: 'Срок рассмотрения', from: '', to: cardA.deadlineExplanation }],
      }),
    ]);
    // B's list finds it and sorts it by number like its own cards.
    const query = appealListQuerySchema.parse({ query: 'Иванов', sort: 'regNumber' });
    const listed = handlers['appeals:list'](b.world.as('clerk'), query) as {
      rows: { id: string; regNumber: string }[];
    };
    expect(listed.rows).toEqual([expect.objectContaining({ id, regNumber: 'ОГ-2026-1' })]);
    expect(b.rows('appeals', 'id')).toEqual([expect.objectContaining({ reg_year: 2026, reg_seq: 1 })]);

    // A's review process reaches B.
    a.world.perform('clerk', id, { type: 'assignResponsible', headId: 'u-head' });
    const { entityId: rid } = a.world.perform('head', id, {
      type: 'createResolution',
      text: 'Проверить доводы заявителя и подготовить ответ',
      executors: [{ userId: 'u-exec', dueDate: '2026-04-01' }],
      responsibleUserId: 'u-exec',
    });
    expect((await a.sync()).push).toMatchObject({ applied: 2, rejected: 0 });
    expect((await b.sync()).pull).toMatchObject({ applied: 2, invalid: 0 });
    expect(b.review()).toEqual(a.review());
    expect(b.review().resolutions).toEqual([expect.objectContaining({ id: rid, author_id: 'u-head' })]);
    const after = { a: getAppeal(a.world.services.store.db, id), b: getAppeal(b.world.services.store.db, id) };
    expect(after.b).toMatchObject({ status: 'under_resolution', responsibleHeadId: 'u-head' });
    expect(shared(after.b)).toEqual(shared(after.a));
    expect(after.b.history.map((h) => h.action)).toEqual(['registered', 'assignResponsible', 'createResolution']);
    expect(b.rows('sync_state', 'key').filter((r) => (r as { key: string }).key.startsWith('unapplied_'))).toEqual([]);
  });

  it('replaying the feed registers the card once, even under a lost cursor', async () => {
    const { a, b } = await start();
    const { id } = a.world.register();
    a.world.perform('clerk', id, { type: 'assignResponsible', headId: 'u-head' });
    await a.sync();

    const page = await b.api.changes(0, 500);
    expect(page.changes.map((c) => (c as { type: string }).type)).toEqual([
      'appeal.registered',
      'appeal.numbered',
      'appeal.action',
    ]);
    const { store, files, clock } = b.world.services;
    expect(applyPage(store, files, page, clock())).toMatchObject({ applied: 2, unchanged: 1 });
    const state = () =>
      ['appeals', 'history', 'attachments', 'appeal_topics', 'review_events'].map((t) => b.rows(t, 'rowid'));
    const applied = state();
    expect(applyPage(store, files, page, clock())).toMatchObject({ applied: 0, unchanged: 3 });
    store.sqlite.transaction(() => writeCursor(store.db, 0))();
    expect(applyPage(store, files, page, clock())).toMatchObject({ applied: 0, unchanged: 3 });
    expect(state()).toEqual(applied);
    expect(getAppeal(store.db, id).history.map((h) => h.action)).toEqual(['registered', 'assignResponsible']);
  });

  it('a portal appeal registered at A moves from «поступило» to «зарегистрировано» at B', async () => {
    const { a, b } = await start();
    const id = fileOnPortal(central ?? never());
    await a.sync();
    await b.sync();
    const received = getAppeal(b.world.services.store.db, id);
    expect(received.status).toBe('received');

    // A's clerk completes the card on registration: a note and the territory.
    const card = getAppeal(a.world.services.store.db, id);
    const draft = appealDraftSchema.parse({ ...card, notes: 'Заявитель просит ответ по почте', territoryCode: 'MN' });
    handlers['appeals:register'](a.world.as('clerk'), { id, draft, expectedVersion: null });
    await a.sync();
    const pulled = await b.sync();
    expect(pulled.pull).toMatchObject({ applied: 1, filesDownloaded: 0 });

    const cardA = getAppeal(a.world.services.store.db, id);
    const cardB = getAppeal(b.world.services.store.db, id);
    expect(cardB).toMatchObject({ status: 'registered', regNumber: 'ОГ-2026-1', numberProvisional: false });
    expect(shared(cardB)).toEqual(shared(cardA));
    expect(cardB.attachments).toEqual(received.attachments);
    expect(cardB.history.map((h) => h.text)).toEqual([
      'Поступило из системы обращений',
      'Зарегистрировано на другом рабочем месте под номером ОГ-2026-1',
    ]);
    expect(cardB.history[1]?.changes).toEqual([
      { field: 'Статус', from: 'поступило', to: 'зарегистрировано' },
      { field: 'Примечание', from: '', to: 'Заявитель просит ответ по почте' },
      { field: 'Срок рассмотрения', from: '', to: cardA.deadlineExplanation },
    ]);
    // Next round: nothing more.
    expect((await b.sync()).pull.applied).toBe(0);
  });
});

describe('directory of organisations', () => {
  it('lands in directory_organisations with this organisation’s subordinates, refreshed at most hourly', async () => {
    const { a } = await start();
    const first = await a.sync();
    const directory = a.rows('directory_organisations', 'id') as {
      id: string;
      name: string;
      state: number;
      subordinate: number;
    }[];
    expect(first.directory).toBe(directory.length);
    expect(directory.length).toBeGreaterThanOrEqual(20);
    // The fixture's own entries are replaced by the central directory; the organisation itself is not listed.
    expect(directory.map((o) => o.id)).not.toContain('org-state');
    expect(directory.map((o) => o.id)).not.toContain(ORG);
    expect(directory.filter((o) => o.subordinate === 1).length).toBeGreaterThanOrEqual(2);
    expect(directory.filter((o) => o.state === 0).length).toBeGreaterThanOrEqual(2);
    expect(directory.find((o) => o.id === 'minsk-gik')).toMatchObject({ state: 1, subordinate: 0 });
    // Within the hour the next round does not ask again.
    expect((await a.sync()).directory).toBeNull();
    const listed = handlers['directory:organisations'](a.world.as('clerk'), {}) as { organisations: unknown[] };
    expect(listed.organisations).toHaveLength(directory.length);
  });
});

function never(): never {
  throw new Error('unreachable');
}
