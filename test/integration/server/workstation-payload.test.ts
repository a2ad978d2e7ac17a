import { afterEach, describe, expect, it } from 'vitest';
import { registerAppeal } from '../../../electron/services/appeals/register-appeal';
import { uploadAttachment } from '../../../electron/services/attachments/upload-attachment';
import { commandResultsSchema } from '../../../shared/sync/protocol';
import { draft, makeTestServices, TINY_PDF } from '../../helpers/test-services';
import { type Harness, harness } from './central-fixture';

let h: Harness;
let env: ReturnType<typeof makeTestServices> | undefined;
afterEach(async () => {
  await h?.server.close();
  env?.cleanup();
  env = undefined;
});

interface OutboxRow {
  command_id: string;
  type: string;
  appeal_id: string | null;
  payload: string;
}

describe('the workstation’s own outbox commands', () => {
  it('are accepted as they are: a provisional registration with a file gets the official number', async () => {
    h = await harness();
    env = makeTestServices();
    const sqlite = env.services.store.sqlite;
    sqlite.prepare("UPDATE organisations SET numbering_authority = 'central', workstation_code = '07'").run();
    const pdf = uploadAttachment(env.clerk, { name: 'жалоба.pdf', dataBase64: TINY_PDF.toString('base64') });
    const registered = registerAppeal(env.clerk, {
      id: null,
      draft: draft({ attachments: [{ sha256: pdf.sha256, name: 'жалоба.pdf' }] }),
      expectedVersion: null,
    });
    expect(registered).toMatchObject({ numberProvisional: true, regNumber: 'ВР-07-2026-1' });
    const row = sqlite.prepare('SELECT command_id, type, appeal_id, payload FROM outbox').get() as OutboxRow;
    const command = { id: row.command_id, type: row.type, appealId: row.appeal_id, payload: JSON.parse(row.payload) };

    const send = async () =>
      commandResultsSchema.parse((await h.call('POST', '/api/v1/commands', { body: { commands: [command] } })).json())
        .results[0];
    expect(await send()).toMatchObject({ outcome: 'rejected', reason: { code: 'FILE_MISSING' } });

    // The file first, as the sync engine does; then a new command id for the same registration.
    const put = await h.call('PUT', `/api/v1/files/${pdf.sha256}`, { raw: env.services.files.read(pdf.sha256) });
    expect(put.statusCode).toBe(201);
    command.id = crypto.randomUUID();
    expect(await send()).toEqual({ id: command.id, outcome: 'applied', regNumber: 'ОГ-2026-1' });
    expect(await send()).toEqual({ id: command.id, outcome: 'duplicate', regNumber: 'ОГ-2026-1' });
  });

  it('keep a locally numbered registration’s number', async () => {
    h = await harness();
    env = makeTestServices();
    const registered = registerAppeal(env.clerk, { id: null, draft: draft(), expectedVersion: null });
    const row = env.services.store.sqlite
      .prepare('SELECT command_id, type, appeal_id, payload FROM outbox')
      .get() as OutboxRow;
    const res = await h.call('POST', '/api/v1/commands', {
      body: {
        commands: [{ id: row.command_id, type: row.type, appealId: row.appeal_id, payload: JSON.parse(row.payload) }],
      },
    });
    expect(commandResultsSchema.parse(res.json()).results[0]).toMatchObject({
      outcome: 'applied',
      regNumber: registered.regNumber,
    });
    // Announced to the other workstations with its own number; no appeal.numbered.
    expect((await h.call('GET', '/api/v1/changes')).json()).toMatchObject({
      changes: [{ type: 'appeal.registered', data: { card: { id: registered.id, regNumber: registered.regNumber } } }],
    });
  });
});
