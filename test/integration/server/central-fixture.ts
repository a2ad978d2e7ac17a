import { createHash } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { expect } from 'vitest';
import { type CentralServer, createCentralServer } from '../../../server/create-server';
import type { AppealDraftInput } from '../../../shared/appeals';
import { type CommandResult, commandResultsSchema, type FiledAppeal } from '../../../shared/sync/protocol';
import { draft, TINY_PDF } from '../../helpers/test-services';

export { TINY_PDF };

export const ORG_A = {
  clientId: 'org-a-client',
  clientSecret: 'секрет-А-1234567890',
  orgId: 'org-a',
  orgName: 'Администрация Октябрьского района г. Минска',
};
export const ORG_B = {
  clientId: 'org-b-client',
  clientSecret: 'secret-B',
  orgId: 'org-b',
  orgName: 'Борисовский районный исполнительный комитет',
  regIndex: 'Б',
  numberingPattern: '{index}/{yy}-{seq:4}',
};

/** A controllable clock: `clock.set(...)` / `clock.advance(ms)`. */
export function testClock(start = '2026-03-10T12:00:00+03:00') {
  let now = new Date(start).getTime();
  return {
    now: () => new Date(now),
    set: (iso: string) => {
      now = new Date(iso).getTime();
    },
    advance: (ms: number) => {
      now += ms;
    },
  };
}

export interface Harness {
  server: CentralServer;
  clock: ReturnType<typeof testClock>;
  /** A fresh bearer token of the client. */
  token(client?: { clientId: string; clientSecret: string }): Promise<string>;
  /** An authorised inject as org A (or the given token). */
  call(
    method: 'GET' | 'POST' | 'PUT' | 'HEAD',
    url: string,
    options?: { body?: unknown; raw?: Buffer | string; headers?: Record<string, string>; token?: string },
  ): Promise<LightMyRequestResponse>;
}

export async function harness(dataDir: string | null = null, tokenTtlSeconds?: number): Promise<Harness> {
  const clock = testClock();
  const server = createCentralServer({
    dataDir,
    clock: clock.now,
    ...(tokenTtlSeconds === undefined ? {} : { tokenTtlSeconds }),
    clients: [ORG_A, ORG_B],
  });
  const token = async (client: { clientId: string; clientSecret: string } = ORG_A) => {
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/v1/auth/token',
      payload: { clientId: client.clientId, clientSecret: client.clientSecret },
    });
    if (res.statusCode !== 200) throw new Error(`token: ${res.statusCode} ${res.body}`);
    return (res.json() as { accessToken: string }).accessToken;
  };
  let defaultToken: string | undefined;
  return {
    server,
    clock,
    token,
    async call(method, url, options = {}) {
      defaultToken ??= await token();
      const headers: Record<string, string> = { authorization: `Bearer ${options.token ?? defaultToken}` };
      let payload: string | Buffer | undefined;
      if (options.raw !== undefined) {
        payload = options.raw;
        headers['content-type'] = Buffer.isBuffer(options.raw) ? 'application/octet-stream' : 'application/json';
      } else if (options.body !== undefined) {
        payload = JSON.stringify(options.body);
        headers['content-type'] = 'application/json';
      }
      return server.app.inject({ method, url, headers: { ...headers, ...options.headers }, payload });
    },
  };
}

/** POST /commands as org A (or the given token); the batch must be accepted (200) — returns the per-command results. */
export async function sendCommands(h: Harness, commands: unknown[], token?: string): Promise<CommandResult[]> {
  const res = await h.call('POST', '/api/v1/commands', { body: { commands }, ...(token ? { token } : {}) });
  expect(res.statusCode, res.body).toBe(200);
  return commandResultsSchema.parse(res.json()).results;
}

export const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export interface CardAttachment {
  sha256: string;
  name: string;
  size: number;
  type: string;
  participantsList: boolean;
}

/**
 * A registered card as the workstation's getAppeal() returns it (AppealCard), provisional by default.
 * `draft` overrides change the requisites; `card` overrides the card-level fields.
 */
export function registeredCard(
  card: Record<string, unknown> = {},
  requisites: Partial<AppealDraftInput> = {},
  attachments: CardAttachment[] = [],
): Record<string, unknown> {
  const { attachments: _refs, ...requisitesOnly } = draft(requisites);
  return {
    ...requisitesOnly,
    id: uuidv7(),
    status: 'registered',
    regNumber: 'ВР-01-2026-1',
    numberProvisional: true,
    registeredAt: '2026-03-10T10:00:00+03:00',
    deadlineAt: '2026-03-25T23:59:59.999+03:00',
    deadlineExplanation: '15 дней со дня, следующего за регистрацией',
    attachments,
    history: [],
    version: 2,
    ...card,
  };
}

export function registerCommand(card: Record<string, unknown>, id: string = uuidv7()) {
  return { id, type: 'RegisterAppeal', appealId: card.id as string, payload: card };
}

export function pdfAttachment(bytes: Buffer = TINY_PDF, name = 'жалоба.pdf', participantsList = false): CardAttachment {
  return { sha256: sha256Of(bytes), name, size: bytes.length, type: 'application/pdf', participantsList };
}

/** A portal appeal as the central system files it. */
export function filedAppeal(files: FiledAppeal['files'] = [], overrides: Partial<AppealDraftInput> = {}): FiledAppeal {
  const { attachments: _a, ...requisites } = draft({
    form: 'electronic',
    source: 'portal',
    answerForm: 'electronic',
    applicant: {
      kind: 'person',
      surname: 'Лукашевич',
      name: 'Ольга',
      patronymic: 'Петровна',
      address: 'г. Минск, ул. Якуба Коласа, д. 3, кв. 7',
      phone: '',
      email: 'olga.l@mail.by',
    },
    ...overrides,
  });
  return { id: uuidv7(), filedAt: '2026-03-10T11:00:00+03:00', draft: requisites, files };
}
