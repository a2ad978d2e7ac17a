/**
 * The AVEST provider against a faithful fake of AvCryptMail.dll's export table (fakes/fake-avcryptmail):
 * detection, certificate listing, detached signing verified with shared/crypto, every error path the
 * library reports, cleanup of sessions/handles/buffers, and one signing at a time per token.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SigningError } from '../../../../../electron/services/signing/provider';
import { AVCMR } from '../../../../../electron/services/signing/providers/avest/avest-constants';
import { InlineAvestHost } from '../../../../../electron/services/signing/providers/avest/avest-host';
import { AvestLoadError } from '../../../../../electron/services/signing/providers/avest/avest-library';
import type { AvestRequest } from '../../../../../electron/services/signing/providers/avest/avest-operations';
import {
  AvestProvider,
  type AvestProviderOptions,
} from '../../../../../electron/services/signing/providers/avest/avest-provider';
import { type DialogAnswer, FakeAvCryptMail, type FakeToken } from './fakes/fake-avcryptmail';
import { makeTestSigner, verifyTestSignedData } from './fakes/test-pki';

const DOCUMENT = new TextEncoder().encode('Ответ заявителю по обращению № 12-2026-000145');
const IVANOV = makeTestSigner({ surname: 'Иванов', name: 'Иван Иванович', commonName: 'Исполком' });
const PETROVA = makeTestSigner({ surname: 'Петрова', name: 'Анна Сергеевна' });
const EXPIRED = makeTestSigner(
  { surname: 'Сидоров', name: 'Пётр' },
  { notBefore: new Date('2020-01-01T00:00:00Z'), notAfter: new Date('2021-01-01T00:00:00Z') },
);
const FUTURE = makeTestSigner({ surname: 'Новиков', name: 'Олег' }, { notBefore: new Date('2030-01-01T00:00:00Z') });

interface Setup {
  fake: FakeAvCryptMail;
  provider: AvestProvider;
  token: FakeToken;
  hold: (request: AvestRequest) => { release: () => void };
}

const hosts: InlineAvestHost[] = [];
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((host) => host.close()));
});

/** A Windows machine with AVEST installed and Иванов's token inserted. */
function setup(options: Partial<AvestProviderOptions> = {}): Setup {
  const fake = new FakeAvCryptMail();
  const token = fake.addToken(IVANOV);
  const holds: Array<{ op: string; gate: Promise<void> }> = [];
  const host = new InlineAvestHost(async () => fake, {
    beforeRequest: async (request) => {
      const index = holds.findIndex((h) => h.op === request.op);
      if (index >= 0) {
        const [held] = holds.splice(index, 1);
        await held?.gate;
      }
    },
  });
  hosts.push(host);
  const provider = new AvestProvider({ host, platform: 'win32', ...options });
  return {
    fake,
    provider,
    token,
    // the next request of this kind waits (the clerk is still in AVEST's PIN dialog) until released
    hold: (request) => {
      let release = () => {};
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      holds.push({ op: request.op, gate });
      return { release };
    },
  };
}

async function signingError(promise: Promise<unknown>): Promise<SigningError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SigningError);
  return error as SigningError;
}

/** Everything the provider opened was closed: sessions, handles, heap blocks, the library itself. */
function expectCleanedUp(fake: FakeAvCryptMail): void {
  expect(fake.open.size).toBe(0);
  expect(fake.heap.size).toBe(0);
  expect(fake.leakedAtLogout).toEqual([]);
  expect(fake.initialized).toBe(false);
}

describe('AVEST: detection', () => {
  it('is not available off Windows, without touching the library', async () => {
    const { fake, provider } = setup({ platform: 'linux' });
    const status = await provider.detect();
    expect(status).toMatchObject({ provider: 'avest', available: false, code: 'CLIENT_NOT_INSTALLED' });
    expect(status.message).toMatch(/только в Windows/);
    expect(fake.calls).toEqual([]);
    await expect(provider.listCertificates()).rejects.toMatchObject({ code: 'CLIENT_NOT_INSTALLED' });
  });

  it('reports CLIENT_NOT_INSTALLED when AvCryptMail.dll is not found', async () => {
    const host = new InlineAvestHost(async () => {
      throw new AvestLoadError('not-found', 'C:\\Program Files\\Avest\\AvPCM_nces\\AvCryptMail.dll not found');
    });
    hosts.push(host);
    const status = await new AvestProvider({ host, platform: 'win32' }).detect();
    expect(status).toMatchObject({ available: false, code: 'CLIENT_NOT_INSTALLED' });
    expect(status.message).toBe(
      'Не установлен клиент AVEST («Комплект абонента»). Установите его или выберите другой способ подписи.',
    );
  });

  it('names a library of the wrong bitness', async () => {
    const host = new InlineAvestHost(async () => {
      throw new AvestLoadError('wrong-architecture', '%1 is not a valid Win32 application (193)');
    });
    hosts.push(host);
    const status = await new AvestProvider({ host, platform: 'win32' }).detect();
    expect(status).toMatchObject({ available: false, code: 'CLIENT_NOT_INSTALLED' });
    expect(status.message).toMatch(/64-разрядная/);
  });

  it('reports TOKEN_ABSENT when no token is inserted', async () => {
    const { fake, provider, token } = setup();
    token.inserted = false;
    const status = await provider.detect();
    expect(status).toMatchObject({ available: false, code: 'TOKEN_ABSENT' });
    expect(status.message).toMatch(/^Не вставлен ключ/);
    expectCleanedUp(fake);
  });

  it('reports TOKEN_ABSENT when the personal store has no certificate', async () => {
    const fake = new FakeAvCryptMail();
    fake.unregisteredTokenInserted = true;
    const host = new InlineAvestHost(async () => fake);
    hosts.push(host);
    const status = await new AvestProvider({ host, platform: 'win32' }).detect();
    expect(status).toMatchObject({ available: false, code: 'TOKEN_ABSENT' });
    expect(status.message).toMatch(/не найден ни один личный сертификат/);
    expectCleanedUp(fake);
  });

  it('is available with a token and a personal certificate, in a session without a PIN dialog', async () => {
    const { fake, provider } = setup();
    const status = await provider.detect();
    expect(status).toEqual({
      provider: 'avest',
      available: true,
      message: 'Клиент AVEST готов, личных сертификатов: 1',
    });
    expect(fake.dialogsShown).toBe(0);
    expectCleanedUp(fake);
  });

  it('retries the login without AVCMF_SILENT on a library that does not know the flag', async () => {
    const { fake, provider } = setup();
    fake.supportsSilent = false;
    expect((await provider.detect()).available).toBe(true);
    expect(fake.calls.filter((c) => c === 'AvCmLogin')).toHaveLength(2);
    expectCleanedUp(fake);
  });
});

describe('AVEST: certificates', () => {
  it('lists the personal certificates with AVEST key ids, closing every handle', async () => {
    const { fake, provider, token } = setup();
    const second = fake.addToken(PETROVA, { inserted: false });
    const certificates = await provider.listCertificates();
    expect(certificates.map((c) => [c.id, c.subject, c.provider, c.development])).toEqual([
      [token.pubKeyId, 'Иванов Иван Иванович', 'avest', false],
      [second.pubKeyId, 'Петрова Анна Сергеевна', 'avest', false],
    ]);
    expect(certificates[0]?.der).toEqual(IVANOV.certificateDer);
    expect(certificates[0]?.issuer).toBe('Тестовый УЦ (не для юридически значимой подписи)');
    expect(fake.dialogsShown).toBe(0);
    expectCleanedUp(fake);
  });
});

describe('AVEST: signing', () => {
  it('signs detached CMS that verifies with bignVerify over belt-hash of the signed attributes', async () => {
    const { fake, provider, token } = setup({ ownerWindow: () => 0x30a42 });
    const cms = await provider.signDetached(token.pubKeyId, DOCUMENT, { password: 'never-forwarded' });
    const verified = verifyTestSignedData(cms, DOCUMENT);
    expect(verified).toMatchObject({ signatureValid: true, digestMatches: true, detached: true });
    expect(verified.signerCertificateDer).toEqual(IVANOV.certificateDer);
    expect(verifyTestSignedData(cms, new TextEncoder().encode('другой документ')).digestMatches).toBe(false);
    // the PIN went only into AVEST's own dialog: no AVCM_PASSWORD parameter ever reached AvCmLogin
    expect(fake.dialogsShown).toBe(1);
    expect(fake.loginParams.flat().map((p) => p.param_id)).not.toContain(0x1030);
    expect(fake.ownerWindow).toBe(0x30a42);
    // AvCmSign's HeapAlloc'ed buffer was freed, the certificate handle closed, the session ended
    expect(fake.calls).toContain('HeapFree');
    expectCleanedUp(fake);
  });

  const cases: Array<{
    name: string;
    arrange: (s: Setup) => void;
    code: SigningError['code'];
    message: RegExp;
  }> = [
    {
      name: 'a wrong PIN',
      arrange: ({ fake }) => {
        fake.dialog = () => ({ pin: '0000' });
      },
      code: 'WRONG_PIN',
      message: /^Неверный PIN-код/,
    },
    {
      name: 'the PIN dialog cancelled',
      arrange: ({ fake }) => {
        fake.dialog = () => 'cancel';
      },
      code: 'CANCELLED',
      message: /^Подписание отменено пользователем/,
    },
    {
      name: 'the token pulled out',
      arrange: ({ token }) => {
        token.inserted = false;
      },
      code: 'TOKEN_ABSENT',
      message: /^Не вставлен ключ/,
    },
    {
      name: 'a blocked PIN',
      arrange: ({ token }) => {
        token.triesLeft = 0;
      },
      code: 'PIN_LOCKED',
      message: /^PIN-код ключа заблокирован/,
    },
    {
      name: 'a revoked certificate',
      arrange: ({ fake }) => fake.inject('AvCmSign', AVCMR.CERT_REVOKED),
      code: 'CERT_REVOKED',
      message: /отозван/,
    },
    {
      name: 'no CRL',
      arrange: ({ fake }) => fake.inject('AvCmSign', AVCMR.CRL_NOT_FOUND),
      code: 'CERT_UNTRUSTED',
      message: /списка отозванных сертификатов/,
    },
    {
      name: 'a certificate not for signing',
      arrange: ({ fake }) => fake.inject('AvCmSign', AVCMR.CERT_NOT_FOR_SIGN),
      code: 'KEY_USAGE',
      message: /не предназначен для электронной цифровой подписи/,
    },
    {
      name: 'the key busy in another program',
      arrange: ({ fake }) => fake.inject('AvCmLogin', AVCMR.OBJ_LOCKED),
      code: 'BUSY',
      message: /занят другой программой/,
    },
    {
      name: 'a broken installation',
      arrange: ({ fake }) => fake.inject('AvCmInit', AVCMR.AVCSP_INIT_FAILED),
      code: 'CLIENT_NOT_INSTALLED',
      message: /установлен не полностью/,
    },
  ];

  for (const c of cases) {
    it(`maps ${c.name} to ${c.code}`, async () => {
      const s = setup();
      c.arrange(s);
      const error = await signingError(s.provider.signDetached(s.token.pubKeyId, DOCUMENT));
      expect(error.code).toBe(c.code);
      expect(error.message).toMatch(c.message);
      expectCleanedUp(s.fake);
    });
  }

  it('blocks the PIN after the third wrong entry', async () => {
    const { fake, provider, token } = setup();
    fake.dialog = () => ({ pin: '9999' });
    const codes: string[] = [];
    for (let i = 0; i < 4; i++) codes.push((await signingError(provider.signDetached(token.pubKeyId, DOCUMENT))).code);
    expect(codes).toEqual(['WRONG_PIN', 'WRONG_PIN', 'PIN_LOCKED', 'PIN_LOCKED']);
    expect(fake.dialogsShown).toBe(3); // a blocked token shows no dialog
  });

  it('maps an expired and a not-yet-valid certificate', async () => {
    const { fake, provider } = setup();
    const expired = fake.addToken(EXPIRED);
    const future = fake.addToken(FUTURE);
    const a = await signingError(provider.signDetached(expired.pubKeyId, DOCUMENT));
    expect([a.code, a.message]).toEqual([
      'CERT_EXPIRED',
      'Срок действия сертификата истёк. Получите новый сертификат в удостоверяющем центре.',
    ]);
    const b = await signingError(provider.signDetached(future.pubKeyId, DOCUMENT));
    expect(b.code).toBe('CERT_NOT_YET_VALID');
    expectCleanedUp(fake);
  });

  it('refuses a signature with another key chosen in the AVEST dialog', async () => {
    const { fake, provider, token } = setup();
    const other = fake.addToken(PETROVA);
    fake.dialog = (): DialogAnswer => ({ pin: other.pin, chooseKey: other.pubKeyId });
    const error = await signingError(provider.signDetached(token.pubKeyId, DOCUMENT));
    expect(error.code).toBe('TOKEN_ABSENT');
    expect(error.message).toMatch(/выбран ключ другого сертификата/);
    expect(fake.calls).not.toContain('AvCmSign');
    expectCleanedUp(fake);
  });

  it('reports an unknown library code with its name and the library text', async () => {
    const { fake, provider, token } = setup();
    fake.inject('AvCmSign', AVCMR.INTERNAL_ERROR, 'Внутренняя ошибка библиотеки');
    const error = await signingError(provider.signDetached(token.pubKeyId, DOCUMENT));
    expect(error.code).toBe('PROVIDER_FAILED');
    expect(error.message).toMatch(/AVCMR_INTERNAL_ERROR.*Внутренняя ошибка библиотеки/);
    expect(error.details).toMatchObject({ function: 'AvCmSign', result: 'AVCMR_INTERNAL_ERROR' });
  });

  it('refuses an empty document before calling AVEST', async () => {
    const { fake, provider, token } = setup();
    expect((await signingError(provider.signDetached(token.pubKeyId, new Uint8Array(0)))).code).toBe('PROVIDER_FAILED');
    expect(fake.calls).toEqual([]);
  });
});

describe('AVEST: one signing at a time per token', () => {
  it('queues a second request for the same token until the first is done', async () => {
    const { fake, provider, token, hold } = setup();
    const first = hold({ op: 'sign', request: { pubKeyId: token.pubKeyId, data: DOCUMENT } });
    const a = provider.signDetached(token.pubKeyId, DOCUMENT);
    const b = provider.signDetached(token.pubKeyId, new TextEncoder().encode('второй документ'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fake.dialogsShown).toBe(0); // the first is "in the PIN dialog", the second waits for the token
    first.release();
    const [cmsA, cmsB] = await Promise.all([a, b]);
    expect(verifyTestSignedData(cmsA, DOCUMENT).signatureValid).toBe(true);
    expect(verifyTestSignedData(cmsB, new TextEncoder().encode('второй документ')).digestMatches).toBe(true);
    expect(fake.dialogsShown).toBe(2);
  });

  it('fails the second request with BUSY when the token does not free up in time', async () => {
    const { provider, token, hold } = setup({ tokenWaitMs: 30 });
    const first = hold({ op: 'sign', request: { pubKeyId: token.pubKeyId, data: DOCUMENT } });
    const a = provider.signDetached(token.pubKeyId, DOCUMENT);
    const busy = await signingError(provider.signDetached(token.pubKeyId, DOCUMENT));
    expect(busy.code).toBe('BUSY');
    expect(busy.message).toMatch(/^Ключ занят другой операцией подписи/);
    first.release();
    expect(verifyTestSignedData(await a, DOCUMENT).signatureValid).toBe(true);
  });

  it('times out a signing that AVEST does not finish, keeping the token until AVEST returns', async () => {
    const { fake, provider, token, hold } = setup({ signTimeoutMs: 40, tokenWaitMs: 20 });
    const stuck = hold({ op: 'sign', request: { pubKeyId: token.pubKeyId, data: DOCUMENT } });
    const timedOut = await signingError(provider.signDetached(token.pubKeyId, DOCUMENT));
    expect(timedOut.code).toBe('TIMEOUT');
    expect(timedOut.message).toMatch(/^Клиент AVEST не ответил/);
    expect((await signingError(provider.signDetached(token.pubKeyId, DOCUMENT))).code).toBe('BUSY');
    stuck.release();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(verifyTestSignedData(await provider.signDetached(token.pubKeyId, DOCUMENT), DOCUMENT).signatureValid).toBe(
      true,
    );
    expectCleanedUp(fake);
  });

  it('answers detection and listing from what it last saw while a signing waits in the PIN dialog', async () => {
    const { fake, provider, token, hold } = setup();
    const listed = await provider.listCertificates();
    const first = hold({ op: 'sign', request: { pubKeyId: token.pubKeyId, data: DOCUMENT } });
    const signing = provider.signDetached(token.pubKeyId, DOCUMENT);
    await new Promise((resolve) => setTimeout(resolve, 10));
    const calls = fake.calls.length;
    expect(await provider.detect()).toMatchObject({
      available: true,
      message: 'Клиент AVEST занят: идёт подписание документа',
    });
    expect(await provider.listCertificates()).toBe(listed);
    expect(fake.calls.length).toBe(calls); // nothing queued behind the PIN dialog
    first.release();
    await signing;
    expect((await provider.detect()).message).toBe('Клиент AVEST готов, личных сертификатов: 1');
  });

  it('signs with two different tokens independently', async () => {
    const { fake, provider, token, hold } = setup();
    const other = fake.addToken(PETROVA);
    const first = hold({ op: 'sign', request: { pubKeyId: token.pubKeyId, data: DOCUMENT } });
    const a = provider.signDetached(token.pubKeyId, DOCUMENT);
    const b = provider.signDetached(other.pubKeyId, DOCUMENT);
    first.release();
    const [cmsA, cmsB] = await Promise.all([a, b]);
    expect(verifyTestSignedData(cmsA, DOCUMENT).signerCertificateDer).toEqual(IVANOV.certificateDer);
    expect(verifyTestSignedData(cmsB, DOCUMENT).signerCertificateDer).toEqual(PETROVA.certificateDer);
  });
});
