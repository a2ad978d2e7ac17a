import { v7 as uuidv7 } from 'uuid';
import { afterEach, describe, expect, it } from 'vitest';
import { changeSchema, registeredAppealSchema } from '../../../shared/sync/protocol';
import {
  filedAppeal,
  type Harness,
  harness,
  ORG_B,
  pdfAttachment,
  registerCommand,
  registeredCard,
  sendCommands,
  sha256Of,
  TINY_PDF,
} from './central-fixture';

let h: Harness;
afterEach(() => h?.server.close());

const send = (commands: unknown[], token?: string) => sendCommands(h, commands, token);

async function feed(token?: string) {
  const res = await h.call('GET', '/api/v1/changes?limit=500', token ? { token } : {});
  return (res.json() as { changes: unknown[] }).changes.map((c) => changeSchema.parse(c));
}

describe('RegisterAppeal', () => {
  it('gives a provisional card the official number and announces it as appeal.registered, then appeal.numbered', async () => {
    h = await harness();
    const card = registeredCard();
    const [result] = await send([registerCommand(card)]);
    expect(result).toMatchObject({ outcome: 'applied', regNumber: 'ОГ-2026-1' });
    expect(await feed()).toEqual([
      {
        seq: expect.any(Number),
        type: 'appeal.registered',
        data: expect.objectContaining({ card: expect.objectContaining({ id: card.id, regNumber: 'ОГ-2026-1' }) }),
      },
      { seq: expect.any(Number), type: 'appeal.numbered', data: { appealId: card.id, regNumber: 'ОГ-2026-1' } },
    ]);
  });

  it('announces the registered card as the server holds it, with its files, for the other workstations', async () => {
    h = await harness();
    const scan = pdfAttachment(TINY_PDF, 'заявление.pdf');
    const list = pdfAttachment(Buffer.concat([TINY_PDF, Buffer.from('%list\n')]), 'список.pdf', true);
    h.server.storeFile('org-a', TINY_PDF);
    h.server.storeFile('org-a', Buffer.concat([TINY_PDF, Buffer.from('%list\n')]));
    const card = registeredCard({ extra: 'unknown to the server' }, { appealType: 'collective' }, [scan, list]);
    const [result] = await send([registerCommand(card)]);
    expect(result).toMatchObject({ outcome: 'applied', regNumber: 'ОГ-2026-1' });
    const [registered] = await feed();
    expect(registered?.type).toBe('appeal.registered');
    const data = registered?.type === 'appeal.registered' ? registered.data : never();
    expect(data.card).toMatchObject({
      id: card.id,
      status: 'registered',
      regNumber: 'ОГ-2026-1',
      numberProvisional: false,
      registeredAt: card.registeredAt,
      deadlineAt: card.deadlineAt,
      deadlineExplanation: card.deadlineExplanation,
      appealType: 'collective',
      summary: (card as { summary: string }).summary,
      attachments: [
        { sha256: scan.sha256, name: 'заявление.pdf', participantsList: false },
        { sha256: list.sha256, name: 'список.pdf', participantsList: true },
      ],
    });
    expect(data.files).toEqual([
      { sha256: scan.sha256, name: 'заявление.pdf', size: scan.size },
      { sha256: list.sha256, name: 'список.pdf', size: list.size },
    ]);
    // The card as the server read it: what the workstation derives locally and unknown fields are not carried.
    const raw = (await h.call('GET', '/api/v1/changes')).json() as { changes: { data: { card: object } }[] };
    const rawCard = raw.changes[0]?.data.card;
    for (const derived of ['history', 'version', 'repeats', 'extra']) expect(rawCard).not.toHaveProperty(derived);
    expect(registeredAppealSchema.parse(raw.changes[0]?.data).card).toEqual(data.card);
  });

  it('a portal appeal registered by a workstation is announced as appeal.registered too', async () => {
    h = await harness();
    const filed = filedAppeal();
    h.server.fileAppeal('org-a', filed);
    const { draft: requisites } = filed;
    const card = registeredCard({ id: filed.id }, { ...requisites, notes: 'Дополнено при регистрации' });
    expect((await send([registerCommand(card)]))[0]).toMatchObject({ outcome: 'applied', regNumber: 'ОГ-2026-1' });
    const changes = await feed();
    expect(changes.map((c) => c.type)).toEqual(['appeal.filed', 'appeal.registered', 'appeal.numbered']);
    expect(changes[1]).toMatchObject({
      data: { card: { id: filed.id, source: 'portal', notes: 'Дополнено при регистрации', regNumber: 'ОГ-2026-1' } },
    });
  });

  it('is idempotent: the same command id again answers duplicate with the same number', async () => {
    h = await harness();
    const command = registerCommand(registeredCard());
    const [first] = await send([command]);
    const [again] = await send([command]);
    const [inOneBatch, third] = await send([command, command]);
    expect(first).toMatchObject({ id: command.id, outcome: 'applied', regNumber: 'ОГ-2026-1' });
    for (const r of [again, inOneBatch, third]) {
      expect(r).toEqual({ id: command.id, outcome: 'duplicate', regNumber: 'ОГ-2026-1' });
    }
    expect((await feed()).map((c) => c.type)).toEqual(['appeal.registered', 'appeal.numbered']);
  });

  it('numbers are gap-free: a rejected command in between takes no number', async () => {
    h = await harness();
    const missingFile = registeredCard({}, {}, [pdfAttachment()]);
    const results = await send([
      registerCommand(registeredCard()),
      registerCommand(missingFile),
      registerCommand(registeredCard({}, { summary: 'О ремонте dороги' })),
      registerCommand(registeredCard()),
    ]);
    expect(results.map((r) => r.outcome)).toEqual(['applied', 'rejected', 'rejected', 'applied']);
    expect(results.map((r) => r.regNumber)).toEqual(['ОГ-2026-1', undefined, undefined, 'ОГ-2026-2']);
    const [next] = await send([registerCommand(registeredCard())]);
    expect(next?.regNumber).toBe('ОГ-2026-3');
  });

  it('numbers by the organisation’s pattern and index, restarting each year of registration', async () => {
    h = await harness();
    const tokenB = await h.token(ORG_B);
    const results = await send(
      [
        registerCommand(registeredCard({ kind: 'complaint' })),
        registerCommand(
          registeredCard({ registeredAt: '2027-01-02T09:00:00+03:00' }, { receivedAt: '2027-01-02T08:00:00+03:00' }),
        ),
        registerCommand(registeredCard()),
      ],
      tokenB,
    );
    expect(results.map((r) => r.regNumber)).toEqual(['Б/26-0001', 'Б/27-0001', 'Б/26-0002']);
    // Organisation A's sequence is its own.
    const [a] = await send([registerCommand(registeredCard())]);
    expect(a?.regNumber).toBe('ОГ-2026-1');
  });

  it('keeps a workstation’s own (non-provisional) number, unique per organisation', async () => {
    h = await harness();
    const own = registeredCard({ regNumber: 'ОГ-2026-15', numberProvisional: false });
    const clash = registeredCard({ regNumber: 'ОГ-2026-15', numberProvisional: false });
    const [kept, taken] = await send([registerCommand(own), registerCommand(clash)]);
    expect(kept).toMatchObject({ outcome: 'applied', regNumber: 'ОГ-2026-15' });
    expect(taken).toMatchObject({ outcome: 'rejected', reason: { code: 'NUMBER_TAKEN' } });
    // The workstation's own number: announced with the card, no appeal.numbered.
    expect(await feed()).toEqual([
      expect.objectContaining({
        type: 'appeal.registered',
        data: expect.objectContaining({
          card: expect.objectContaining({ id: own.id, regNumber: 'ОГ-2026-15', numberProvisional: false }),
        }),
      }),
    ]);
    // The same number in another organisation is fine.
    const [other] = await send(
      [registerCommand(registeredCard({ regNumber: 'ОГ-2026-15', numberProvisional: false }))],
      await h.token(ORG_B),
    );
    expect(other?.outcome).toBe('applied');
  });

  it('skips official numbers a workstation already used', async () => {
    h = await harness();
    await send([registerCommand(registeredCard({ regNumber: 'ОГ-2026-1', numberProvisional: false }))]);
    const [official] = await send([registerCommand(registeredCard())]);
    expect(official?.regNumber).toBe('ОГ-2026-2');
  });

  it('a second RegisterAppeal of the same appeal with another command id is ALREADY_REGISTERED', async () => {
    h = await harness();
    const card = registeredCard();
    const [first, second] = await send([registerCommand(card), registerCommand(card)]);
    expect(first?.outcome).toBe('applied');
    expect(second).toMatchObject({ outcome: 'rejected', reason: { code: 'ALREADY_REGISTERED' } });
    expect(second?.reason?.message).toContain('ОГ-2026-1');
  });

  it('refuses a card whose attachment was not uploaded completely (FILE_MISSING), then applies a new command', async () => {
    h = await harness();
    const attachment = pdfAttachment();
    const card = registeredCard({}, {}, [attachment]);
    const [missing] = await send([registerCommand(card)]);
    expect(missing).toMatchObject({ outcome: 'rejected', reason: { code: 'FILE_MISSING' } });
    expect(missing?.reason?.message).toContain('жалоба.pdf');
    // Half of the file is not the file.
    await h.call('PUT', `/api/v1/files/${attachment.sha256}`, {
      raw: TINY_PDF.subarray(0, 20),
      headers: { 'upload-length': String(TINY_PDF.length) },
    });
    const [partial] = await send([registerCommand(card)]);
    expect(partial).toMatchObject({ outcome: 'rejected', reason: { code: 'FILE_MISSING' } });
    const put = await h.call('PUT', `/api/v1/files/${attachment.sha256}`, {
      raw: TINY_PDF.subarray(20),
      headers: { 'upload-offset': '20', 'upload-length': String(TINY_PDF.length) },
    });
    expect(put.statusCode).toBe(201);
    const [applied] = await send([registerCommand(card)]);
    expect(applied).toMatchObject({ outcome: 'applied', regNumber: 'ОГ-2026-1' });
  });

  it('checks the files’ content: a collective appeal needs a scanned list of participants', async () => {
    h = await harness();
    const text = Buffer.from('Список участников: Иванов, Петров');
    h.server.storeFile('org-a', text);
    const list = {
      sha256: sha256Of(text),
      name: 'список.pdf',
      size: text.length,
      type: 'application/pdf',
      participantsList: true,
    };
    const [result] = await send([registerCommand(registeredCard({}, { appealType: 'collective' }, [list]))]);
    expect(result).toMatchObject({ outcome: 'rejected', reason: { code: 'VALIDATION_FAILED' } });
    h.server.storeFile('org-a', TINY_PDF);
    const [ok] = await send([
      registerCommand(registeredCard({}, { appealType: 'collective' }, [pdfAttachment(TINY_PDF, 'список.pdf', true)])),
    ]);
    expect(ok?.outcome).toBe('applied');
  });

  it('re-validates the card [4.4]: Latin look-alikes, missing requisites → VALIDATION_FAILED with the issues', async () => {
    h = await harness();
    const [latin, noTopic] = await send([
      registerCommand(
        registeredCard(
          {},
          { applicant: { kind: 'person', surname: 'Ивaнов', name: 'Иван', address: 'г. Минск, ул. Сурганова, д. 1' } },
        ),
      ),
      registerCommand(registeredCard({}, { topicCodes: [] })),
    ]);
    expect(latin).toMatchObject({ outcome: 'rejected', reason: { code: 'VALIDATION_FAILED' } });
    expect(latin?.reason?.message).toMatch(/Фамилия|латин/i);
    expect(noTopic).toMatchObject({ outcome: 'rejected', reason: { code: 'VALIDATION_FAILED' } });
    // The reason carries the issues too (an extra field: the protocol's ApiProblem tolerates it).
    const raw = await h.call('POST', '/api/v1/commands', {
      body: { commands: [registerCommand(registeredCard({}, { territoryCode: '' }))] },
    });
    const reason = (raw.json() as { results: { reason: { details: { issues: { field: string }[] } } }[] }).results[0]
      ?.reason;
    expect(reason?.details.issues.map((i) => i.field)).toEqual(['territoryCode']);
  });

  it('tolerates unknown fields anywhere in the command and the card', async () => {
    h = await harness();
    const card = registeredCard({
      futureField: { nested: [1, 2] },
      history: [{ at: 'x', somethingNew: true }],
      applicant: {
        kind: 'person',
        surname: 'Иванов',
        name: 'Иван',
        address: 'г. Минск, ул. Сурганова, д. 12',
        phone: '+375 29 123-45-67',
        citizenship: 'BY',
      },
    });
    delete card.version;
    delete card.deadlineAt;
    const [result] = await send([{ ...registerCommand(card), priority: 'high', meta: { v: 2 } }]);
    expect(result).toMatchObject({ outcome: 'applied', regNumber: 'ОГ-2026-1' });
  });

  it('refuses a payload that is not a card, or a card of another appeal, as INVALID_PAYLOAD', async () => {
    h = await harness();
    const card = registeredCard();
    const results = await send([
      { id: uuidv7(), type: 'RegisterAppeal', appealId: null, payload: 'карточка' },
      { id: uuidv7(), type: 'RegisterAppeal', appealId: uuidv7(), payload: card },
      registerCommand(registeredCard({ status: 'draft' })),
      registerCommand(registeredCard({ numberProvisional: false, regNumber: null })),
    ]);
    expect(results.map((r) => r.reason?.code)).toEqual([
      'INVALID_PAYLOAD',
      'INVALID_PAYLOAD',
      'INVALID_PAYLOAD',
      'INVALID_PAYLOAD',
    ]);
  });

  it('registers an appeal filed on the portal; refuses one the applicant withdrew', async () => {
    h = await harness();
    const filed = filedAppeal();
    const withdrawn = filedAppeal();
    h.server.fileAppeal('org-a', filed);
    h.server.fileAppeal('org-a', withdrawn);
    h.server.setAppealStatus('org-a', withdrawn.id, 'withdrawn', 'Отозвано заявителем на портале');
    const card = (appeal: typeof filed) =>
      registeredCard({ id: appeal.id, ...appeal.draft, registeredAt: '2026-03-10T12:00:00+03:00' });
    const [ok, refused] = await send([registerCommand(card(filed)), registerCommand(card(withdrawn))]);
    expect(ok).toMatchObject({ outcome: 'applied', regNumber: 'ОГ-2026-1' });
    expect(refused).toMatchObject({ outcome: 'rejected', reason: { code: 'APPEAL_WITHDRAWN' } });
  });
});

describe('POST /api/v1/commands', () => {
  it('answers unknown command types with UNKNOWN_COMMAND, in the order sent', async () => {
    h = await harness();
    const ids = [uuidv7(), uuidv7(), uuidv7()];
    const results = await send([
      { id: ids[0], type: 'AssignResponsible', appealId: uuidv7(), payload: {} },
      registerCommand(registeredCard(), ids[1]),
      { id: ids[2], type: '__proto__', appealId: null, payload: null },
    ]);
    expect(results.map((r) => [r.id, r.outcome, r.reason?.code])).toEqual([
      [ids[0], 'rejected', 'UNKNOWN_COMMAND'],
      [ids[1], 'applied', undefined],
      [ids[2], 'rejected', 'UNKNOWN_COMMAND'],
    ]);
    // A rejection is final: the same id answers the same rejection.
    const [again] = await send([{ id: ids[0], type: 'AssignResponsible', appealId: null, payload: {} }]);
    expect(again).toMatchObject({ outcome: 'rejected', reason: { code: 'UNKNOWN_COMMAND' } });
  });

  it('accepts 100 commands in a batch and refuses 101 or none with 400', async () => {
    h = await harness();
    const hundred = Array.from({ length: 100 }, () => registerCommand(registeredCard()));
    const results = await send(hundred);
    expect(results).toHaveLength(100);
    expect(results.at(-1)?.regNumber).toBe('ОГ-2026-100');
    for (const commands of [[...hundred, registerCommand(registeredCard())], []]) {
      const res = await h.call('POST', '/api/v1/commands', { body: { commands } });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'BAD_REQUEST' });
    }
  });

  it('answers a malformed body with 400 and an ApiProblem', async () => {
    h = await harness();
    for (const raw of [
      '{',
      'null',
      '[]',
      '{"commands":"x"}',
      '{"commands":[{"id":"not-a-uuid","type":"X","appealId":null}]}',
    ]) {
      const res = await h.call('POST', '/api/v1/commands', { raw });
      expect(res.statusCode, raw).toBe(400);
      expect(Object.keys(res.json() as object).sort()).toEqual(['code', 'message']);
    }
    const poisoned = await h.call('POST', '/api/v1/commands', {
      raw: '{"commands":[{"id":"0190a4a0-0000-7000-8000-000000000001","type":"RegisterAppeal","appealId":null,"payload":{"__proto__":{"x":1}}}]}',
    });
    expect(poisoned.statusCode).toBe(400);
    expect(poisoned.json()).toMatchObject({ code: 'BAD_REQUEST' });
    const text = await h.call('POST', '/api/v1/commands', {
      raw: Buffer.from('x'),
      headers: { 'content-type': 'text/csv' },
    });
    expect(text.statusCode).toBe(415);
    expect(text.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
  });

  it('keeps command ids per organisation: another organisation’s id does not collide', async () => {
    h = await harness();
    const id = uuidv7();
    const [a] = await send([registerCommand(registeredCard(), id)]);
    const [b] = await send([registerCommand(registeredCard(), id)], await h.token(ORG_B));
    expect(a?.outcome).toBe('applied');
    expect(b).toMatchObject({ outcome: 'applied', regNumber: 'Б/26-0001' });
  });
});

function never(): never {
  throw new Error('unreachable');
}
