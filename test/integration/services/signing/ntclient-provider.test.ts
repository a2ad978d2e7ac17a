/**
 * The identification-client provider against a fake loopback service on a real port (fake-ntclient):
 * detection (refused connection, no card, no signing), certificates, detached signing in both modes
 * (the client's CMS, or our CMS around the client's hash signature), the client's error bodies, a
 * timeout, no retry of a failed signing, and one signing at a time per card.
 */
import { createServer } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SigningError } from '../../../../electron/services/signing/provider';
import {
  NtClientProvider,
  type NtClientProviderOptions,
} from '../../../../electron/services/signing/providers/ntclient/ntclient-provider';
import {
  buildTestSignedData,
  makeTestSigner,
  verifyTestSignedData,
} from '../../../unit/services/signing/providers/fakes/test-pki';
import { FakeNtClient } from './fake-ntclient';

const DOCUMENT = new TextEncoder().encode('Резолюция по обращению № 3-2026-000017');
const HOLDER = makeTestSigner({ surname: 'Козлова', name: 'Мария Петровна' });
const SIGNING_TIME = new Date('2026-03-02T09:30:00Z');

let fake: FakeNtClient;
let baseUrl: string;

beforeEach(async () => {
  fake = new FakeNtClient();
  fake.card = { signer: HOLDER, id: 'card-sign-1', pin: '482916', triesLeft: 3 };
  baseUrl = await fake.start();
});

afterEach(async () => {
  await fake.stop();
});

function provider(options: Partial<NtClientProviderOptions> = {}): NtClientProvider {
  return new NtClientProvider({ baseUrl, buildSignedData: buildTestSignedData, now: () => SIGNING_TIME, ...options });
}

async function signingError(promise: Promise<unknown>): Promise<SigningError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SigningError);
  return error as SigningError;
}

/** A loopback port nobody listens on. */
async function closedPort(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

describe('identification client: detection', () => {
  it('reports CLIENT_NOT_INSTALLED when the connection is refused', async () => {
    const status = await provider({ baseUrl: await closedPort() }).detect();
    expect(status).toMatchObject({ provider: 'ntclient', available: false, code: 'CLIENT_NOT_INSTALLED' });
    expect(status.message).toMatch(/^Клиент идентификации \(NT Client Software\) не установлен или не запущен/);
  });

  it('reports TOKEN_ABSENT without a card', async () => {
    fake.card = null;
    expect(await provider().detect()).toMatchObject({ available: false, code: 'TOKEN_ABSENT' });
  });

  it('is not offered when the client cannot sign', async () => {
    fake.capabilities = ['read-identity'];
    const status = await provider().detect();
    expect(status).toMatchObject({ available: false, code: 'PROVIDER_FAILED' });
    expect(status.message).toMatch(/не умеет подписывать/);
  });

  it('offers hash signing only with a CMS builder', async () => {
    fake.capabilities = ['sign-hash'];
    expect((await provider().detect()).available).toBe(true);
    expect((await provider({ buildSignedData: undefined }).detect()).available).toBe(false);
  });

  it('is available with a card, tolerating unknown fields', async () => {
    expect(await provider().detect()).toEqual({
      provider: 'ntclient',
      available: true,
      message: 'Клиент идентификации готов: Fake ID Reader 0',
    });
  });

  it('reports TIMEOUT when the client accepts but does not answer', async () => {
    fake.hang.add('/status');
    const status = await provider({ queryTimeoutMs: 100 }).detect();
    expect(status).toMatchObject({ available: false, code: 'TIMEOUT' });
  });

  it('refuses a non-loopback address', () => {
    expect(() => new NtClientProvider({ baseUrl: 'http://192.168.1.10:8083' })).toThrow(/локальным/);
  });

  it('reports another program on the port', async () => {
    fake.failNext.set('/status', { status: 200, body: '<html>router</html>' });
    const status = await provider().detect();
    expect(status).toMatchObject({ available: false, code: 'PROVIDER_FAILED' });
    expect(status.message).toMatch(/другая программа/);
  });
});

describe('identification client: certificates and signing', () => {
  it('lists the card certificate under the client id', async () => {
    const [certificate, ...rest] = await provider().listCertificates();
    expect(rest).toEqual([]);
    expect(certificate).toMatchObject({
      id: 'card-sign-1',
      provider: 'ntclient',
      subject: 'Козлова Мария Петровна',
      development: false,
    });
    expect(certificate?.der).toEqual(HOLDER.certificateDer);
  });

  it('maps a missing card while listing', async () => {
    fake.card = null;
    const error = await signingError(provider().listCertificates());
    expect([error.code, error.message]).toEqual([
      'TOKEN_ABSENT',
      'Не вставлена ID-карта. Приложите или вставьте карту в считыватель и повторите.',
    ]);
  });

  it('returns the client’s detached CMS, which verifies over belt-hash of the signed attributes', async () => {
    const cms = await provider().signDetached('card-sign-1', DOCUMENT);
    const verified = verifyTestSignedData(cms, DOCUMENT);
    expect(verified).toMatchObject({ signatureValid: true, digestMatches: true, detached: true });
    expect(verified.signingTime).toEqual(SIGNING_TIME);
    expect(fake.lastSignBody).toMatchObject({ certificateId: 'card-sign-1', format: 'cms-detached' });
    expect(fake.lastSignBody).not.toHaveProperty('pin');
  });

  it('builds the CMS around the client’s hash signature when it only signs hashes', async () => {
    fake.capabilities = ['sign-hash'];
    const cms = await provider().signDetached('card-sign-1', DOCUMENT);
    expect(verifyTestSignedData(cms, DOCUMENT)).toMatchObject({ signatureValid: true, digestMatches: true });
    expect(fake.requests).toContain('POST /sign-hash');
    expect(fake.lastSignBody).toMatchObject({ algorithm: '1.2.112.0.2.0.34.101.45.12' });
  });

  it('maps a wrong PIN (with the attempts left), a blocked PIN and a cancelled PIN window', async () => {
    fake.pinWindow = () => '000000';
    const first = await signingError(provider().signDetached('card-sign-1', DOCUMENT));
    expect([first.code, first.message]).toEqual([
      'WRONG_PIN',
      'Неверный PIN-код ID-карты. Повторите подписание и введите PIN-код ещё раз. Осталось попыток: 2.',
    ]);
    await signingError(provider().signDetached('card-sign-1', DOCUMENT));
    expect((await signingError(provider().signDetached('card-sign-1', DOCUMENT))).code).toBe('PIN_LOCKED');
    fake.card = { signer: HOLDER, id: 'card-sign-1', pin: '482916', triesLeft: 3 };
    fake.pinWindow = () => null;
    const cancelled = await signingError(provider().signDetached('card-sign-1', DOCUMENT));
    expect([cancelled.code, cancelled.message]).toEqual(['CANCELLED', 'Подписание отменено пользователем.']);
  });

  it('maps the certificate errors of the client', async () => {
    for (const [clientCode, code] of [
      ['CERT_EXPIRED', 'CERT_EXPIRED'],
      ['CERT_NOT_YET_VALID', 'CERT_NOT_YET_VALID'],
      ['CERT_REVOKED', 'CERT_REVOKED'],
      ['ALGORITHM_UNSUPPORTED', 'ALGORITHM_UNSUPPORTED'],
      ['BUSY', 'BUSY'],
    ] as const) {
      fake.failNext.set('/sign', { status: 409, body: { error: { code: clientCode } } });
      expect((await signingError(provider().signDetached('card-sign-1', DOCUMENT))).code).toBe(code);
    }
  });

  it('does not retry a failed signing', async () => {
    fake.failNext.set('/sign', { status: 503, body: { error: { code: 'INTERNAL' } } });
    const error = await signingError(provider().signDetached('card-sign-1', DOCUMENT));
    expect(error.code).toBe('PROVIDER_FAILED');
    expect(error.message).toMatch(/HTTP 503/);
    expect(fake.requests.filter((r) => r === 'POST /sign')).toHaveLength(1);
  });

  it('times out a signing the client does not finish', async () => {
    fake.hang.add('/sign');
    const error = await signingError(provider({ signTimeoutMs: 150 }).signDetached('card-sign-1', DOCUMENT));
    expect(error.code).toBe('TIMEOUT');
    expect(error.message).toMatch(/^Клиент идентификации не ответил/);
    expect(fake.requests.filter((r) => r === 'POST /sign')).toHaveLength(1);
  });

  it('reports a client that quit before signing as not running', async () => {
    const p = provider({ baseUrl: await closedPort() });
    expect((await signingError(p.signDetached('card-sign-1', DOCUMENT))).code).toBe('CLIENT_NOT_INSTALLED');
  });

  it('signs one document at a time per card, a second request failing BUSY after the wait', async () => {
    fake.hang.add('/sign');
    const p = provider({ signTimeoutMs: 300, tokenWaitMs: 50 });
    const first = signingError(p.signDetached('card-sign-1', DOCUMENT));
    const second = await signingError(p.signDetached('card-sign-1', DOCUMENT));
    expect(second.code).toBe('BUSY');
    expect(second.message).toMatch(/^ID-карта занята/);
    expect((await first).code).toBe('TIMEOUT');
    fake.hang.clear();
    expect(verifyTestSignedData(await p.signDetached('card-sign-1', DOCUMENT), DOCUMENT).signatureValid).toBe(true);
  });
});
