import { v7 as uuidv7 } from 'uuid';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReviewActionInput } from '../../../shared/review/actions';
import { type Change, changeSchema } from '../../../shared/sync/protocol';
import {
  filedAppeal,
  type Harness,
  harness,
  ORG_A,
  ORG_B,
  pdfAttachment,
  registerCommand,
  registeredCard,
  sendCommands,
  TINY_PDF,
} from './central-fixture';

let h: Harness;
afterEach(() => h?.server.close());

const send = (commands: unknown[], token?: string) => sendCommands(h, commands, token);

async function feed(token?: string): Promise<Change[]> {
  const res = await h.call('GET', '/api/v1/changes?limit=500', token ? { token } : {});
  return (res.json() as { changes: unknown[] }).changes.map((c) => changeSchema.parse(c));
}

const serverStatus = (appealId: string, orgId = ORG_A.orgId) =>
  (
    h.server.context.db.prepare('SELECT status FROM appeals WHERE org_id = ? AND id = ?').get(orgId, appealId) as
      | { status: string }
      | undefined
  )?.status;

const FILE = { ...pdfAttachment(TINY_PDF, 'ответ.pdf'), participantsList: undefined };

/** A ReviewAction command as a workstation's outbox sends it. */
function reviewCommand(
  appealId: string,
  action: ReviewActionInput,
  fields: { statusBefore?: string; statusAfter?: string; files?: (typeof FILE)[]; entityId?: string | null } = {},
) {
  const statusBefore = fields.statusBefore ?? 'registered';
  return {
    id: uuidv7(),
    type: 'ReviewAction',
    appealId,
    payload: {
      appealId,
      at: '2026-03-10T12:00:00+03:00',
      actor: { id: 'u-clerk', name: 'Петрова Анна Сергеевна' },
      entityId: fields.entityId ?? null,
      statusBefore,
      statusAfter: fields.statusAfter ?? statusBefore,
      action,
      files: (fields.files ?? []).map((f) => ({ sha256: f.sha256, name: f.name, size: f.size, type: f.type })),
    },
  };
}

const assign: ReviewActionInput = { type: 'assignResponsible', headId: 'u-head' };
const resolution: ReviewActionInput = {
  type: 'createResolution',
  text: 'Проверить факты и подготовить ответ',
  executors: [{ userId: 'u-exec', dueDate: '2026-03-20' }],
  responsibleUserId: 'u-exec',
};

/** Registers a card at the central server as org A; returns its id. */
async function registered(card = registeredCard()): Promise<string> {
  const [result] = await send([registerCommand(card)]);
  expect(result?.outcome).toBe('applied');
  return card.id as string;
}

async function upload(bytes: Buffer) {
  const { sha256 } = pdfAttachment(bytes);
  expect((await h.call('PUT', `/api/v1/files/${sha256}`, { raw: bytes })).statusCode).toBe(201);
}

describe('ReviewAction', () => {
  it('applies an action: the appeal takes the status after and the feed announces it as appeal.action', async () => {
    h = await harness();
    const appealId = await registered();
    const first = reviewCommand(appealId, assign);
    const second = reviewCommand(appealId, resolution, { statusAfter: 'under_resolution', entityId: uuidv7() });
    const results = await send([first, second]);
    expect(results).toEqual([
      { id: first.id, outcome: 'applied' },
      { id: second.id, outcome: 'applied' },
    ]);
    expect(serverStatus(appealId)).toBe('under_resolution');
    const actions = (await feed()).filter((c) => c.type === 'appeal.action');
    expect(actions.map((c) => c.data)).toEqual([
      { commandId: first.id, command: expect.objectContaining({ appealId, action: assign }) },
      { commandId: second.id, command: expect.objectContaining({ statusAfter: 'under_resolution' }) },
    ]);
    const events = h.server.context.db
      .prepare('SELECT command_id AS id, action_type AS type FROM appeal_events WHERE org_id = ? ORDER BY rowid')
      .all(ORG_A.orgId);
    expect(events).toEqual([
      { id: first.id, type: 'assignResponsible' },
      { id: second.id, type: 'createResolution' },
    ]);
    // Another organisation's feed does not see it.
    expect(await feed(await h.token(ORG_B))).toEqual([]);
  });

  it('is idempotent: the same command id again answers duplicate and announces nothing more', async () => {
    h = await harness();
    const appealId = await registered();
    const command = reviewCommand(appealId, resolution, { statusAfter: 'under_resolution', entityId: uuidv7() });
    const [first] = await send([command]);
    const [again, inOneBatch] = await send([command, command]);
    expect(first).toEqual({ id: command.id, outcome: 'applied' });
    expect(again).toEqual({ id: command.id, outcome: 'duplicate' });
    expect(inOneBatch).toEqual({ id: command.id, outcome: 'duplicate' });
    expect((await feed()).filter((c) => c.type === 'appeal.action')).toHaveLength(1);
    expect(serverStatus(appealId)).toBe('under_resolution');
  });

  it('refuses an action done in a status the appeal no longer has (CONFLICT): another workstation acted first', async () => {
    h = await harness();
    const appealId = await registered();
    // Workstation 1 completes the appeal; workstation 2, still seeing «зарегистрировано», creates a resolution.
    const complete: ReviewActionInput = { type: 'complete', text: 'Ответ дан по существу', answerForm: 'electronic' };
    const [done] = await send([reviewCommand(appealId, complete, { statusAfter: 'completed' })]);
    expect(done?.outcome).toBe('applied');
    const [late] = await send([reviewCommand(appealId, resolution, { statusAfter: 'under_resolution' })]);
    expect(late).toMatchObject({ outcome: 'rejected', reason: { code: 'CONFLICT' } });
    expect(late?.reason?.message).toMatch(/^Обращение изменено на другом рабочем месте: статус «[^»]+»/);
    expect(serverStatus(appealId)).toBe('completed');
    expect((await feed()).filter((c) => c.type === 'appeal.action')).toHaveLength(1);
  });

  it('refuses an action the status machine does not allow, or a status after that is not the action’s (ILLEGAL_TRANSITION)', async () => {
    h = await harness();
    const appealId = await registered();
    const sign: ReviewActionInput = { type: 'signSummary', resolutionId: 'r1' };
    const [notYet] = await send([reviewCommand(appealId, sign, { statusAfter: 'executed' })]);
    expect(notYet).toMatchObject({ outcome: 'rejected', reason: { code: 'ILLEGAL_TRANSITION' } });
    expect(notYet?.reason?.message).toContain('подписать сводный результат');
    const [wrongAfter] = await send([reviewCommand(appealId, assign, { statusAfter: 'completed' })]);
    expect(wrongAfter).toMatchObject({ outcome: 'rejected', reason: { code: 'ILLEGAL_TRANSITION' } });
    expect(serverStatus(appealId)).toBe('registered');
    expect((await feed()).map((c) => c.type)).toEqual(['appeal.registered', 'appeal.numbered']);
  });

  it('refuses an action on an appeal the server does not hold as registered (NOT_REGISTERED); a withdrawal may precede registration', async () => {
    h = await harness();
    const [unknown] = await send([reviewCommand(uuidv7(), assign)]);
    expect(unknown).toMatchObject({ outcome: 'rejected', reason: { code: 'NOT_REGISTERED' } });
    expect(unknown?.reason?.message).toContain('не зарегистрировано');
    const portal = filedAppeal();
    h.server.fileAppeal(ORG_A.orgId, portal);
    const [received] = await send([reviewCommand(portal.id, assign, { statusBefore: 'received' })]);
    expect(received).toMatchObject({ outcome: 'rejected', reason: { code: 'NOT_REGISTERED' } });
    const withdraw: ReviewActionInput = { type: 'withdraw', note: 'Письменное заявление об отзыве' };
    const [withdrawn] = await send([
      reviewCommand(portal.id, withdraw, { statusBefore: 'received', statusAfter: 'withdrawn' }),
    ]);
    expect(withdrawn?.outcome).toBe('applied');
    expect(serverStatus(portal.id)).toBe('withdrawn');
  });

  it('refuses a file that was not uploaded (FILE_MISSING), then applies a new command once it is', async () => {
    h = await harness();
    const appealId = await registered();
    const complete: ReviewActionInput = {
      type: 'complete',
      text: 'Ответ направлен почтой',
      answerForm: 'post',
      files: [{ sha256: FILE.sha256, name: FILE.name }],
    };
    const [missing] = await send([reviewCommand(appealId, complete, { statusAfter: 'completed', files: [FILE] })]);
    expect(missing).toMatchObject({ outcome: 'rejected', reason: { code: 'FILE_MISSING' } });
    expect(missing?.reason?.message).toContain('«ответ.pdf»');
    // The action's own files count even when the command's list forgot them.
    const [forgotten] = await send([reviewCommand(appealId, complete, { statusAfter: 'completed' })]);
    expect(forgotten).toMatchObject({ outcome: 'rejected', reason: { code: 'FILE_MISSING' } });
    await upload(TINY_PDF);
    const [applied] = await send([reviewCommand(appealId, complete, { statusAfter: 'completed', files: [FILE] })]);
    expect(applied?.outcome).toBe('applied');
    expect(serverStatus(appealId)).toBe('completed');
  });

  it('refuses a payload that is not a review command (INVALID_PAYLOAD), in Russian', async () => {
    h = await harness();
    const appealId = await registered();
    const bad = reviewCommand(appealId, assign);
    const [shape] = await send([{ ...bad, payload: { ...bad.payload, action: { type: 'fly' } } }]);
    expect(shape).toMatchObject({ outcome: 'rejected', reason: { code: 'INVALID_PAYLOAD' } });
    expect(shape?.reason?.message).toMatch(/^Действие рассмотрения не соответствует формату: action/);
    const [other] = await send([{ ...reviewCommand(appealId, assign), appealId: uuidv7() }]);
    expect(other).toMatchObject({ outcome: 'rejected', reason: { code: 'INVALID_PAYLOAD' } });
  });
});

describe('ReviewAction: redirect by competence [4.8]', () => {
  const redirect = (orgId: string, topicCodes: string[] = []): ReviewActionInput => ({
    type: 'redirect',
    orgId,
    topicCodes,
    text: 'Направляется по компетенции для рассмотрения',
    files: [{ sha256: FILE.sha256, name: 'сопроводительное.pdf' }],
  });

  it('files a whole redirect into the receiving organisation’s feed: a new id, the same requisites, the files shared', async () => {
    h = await harness();
    const scan = Buffer.concat([TINY_PDF, Buffer.from('%скан\n')]);
    await upload(TINY_PDF);
    await upload(scan);
    const card = registeredCard({}, { summary: 'О ремонте подъезда' }, [pdfAttachment(scan, 'скан.pdf')]);
    const appealId = await registered(card);
    const tokenB = await h.token(ORG_B);
    // Org B cannot read org A's files before the redirect.
    expect((await h.call('GET', `/api/v1/files/${FILE.sha256}`, { token: tokenB })).statusCode).toBe(404);

    const command = reviewCommand(appealId, redirect(ORG_B.orgId), { statusAfter: 'redirected', files: [FILE] });
    const [result] = await send([command]);
    expect(result?.outcome).toBe('applied');
    expect(serverStatus(appealId)).toBe('redirected');

    const received = await feed(tokenB);
    expect(received).toHaveLength(1);
    const filed = received[0];
    if (filed?.type !== 'appeal.filed') throw new Error(`expected appeal.filed, got ${filed?.type}`);
    expect(filed.data.id).not.toBe(appealId);
    expect(filed.data.draft).toMatchObject({
      summary: 'О ремонте подъезда',
      content: card.content,
      applicant: card.applicant,
      responsibleHeadId: null,
      receivedAt: '2026-03-10T12:00:00.000+03:00',
    });
    expect(filed.data.draft.notes).toContain(`Перенаправлено по компетенции из «${ORG_A.orgName}» (рег. № ОГ-2026-1)`);
    expect(filed.data.draft.notes).toContain('Направляется по компетенции для рассмотрения');
    expect(filed.data.files.map((f) => f.name)).toEqual(['скан.pdf', 'сопроводительное.pdf']);
    for (const f of filed.data.files) {
      const res = await h.call('GET', `/api/v1/files/${f.sha256}`, { token: tokenB });
      expect(res.statusCode, f.name).toBe(200);
    }
    expect(serverStatus(filed.data.id, ORG_B.orgId)).toBe('received');
    // Org B registers it like any filed appeal.
    const [registration] = await send(
      [
        registerCommand(
          registeredCard(
            { id: filed.data.id, registeredAt: '2026-03-10T13:00:00+03:00' },
            { ...filed.data.draft, attachments: [] },
          ),
        ),
      ],
      tokenB,
    );
    expect(registration, registration?.reason?.message).toMatchObject({ outcome: 'applied', regNumber: 'Б/26-0001' });
  });

  it('delivers nothing for some of the questions only, or to an organisation outside the system', async () => {
    h = await harness();
    await upload(TINY_PDF);
    const partialId = await registered(registeredCard({}, { topicCodes: ['01.001', '02.001'] }));
    const wholeId = await registered();
    const [partial, outside] = await send([
      reviewCommand(partialId, redirect(ORG_B.orgId, ['02.001']), { files: [FILE] }),
      reviewCommand(wholeId, redirect('mzhkkh'), { statusAfter: 'redirected', files: [FILE] }),
    ]);
    expect(partial?.outcome).toBe('applied');
    expect(outside?.outcome).toBe('applied');
    expect(serverStatus(partialId)).toBe('registered');
    expect(serverStatus(wholeId)).toBe('redirected');
    expect(await feed(await h.token(ORG_B))).toEqual([]);
  });
});
