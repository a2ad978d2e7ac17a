/**
 * The provider registry: order AVEST → identification client → development keys, detection of all
 * providers at once without one failure hiding the others, certificates across the available
 * providers for the certificate choice, and the default wiring on a machine without AVEST or client.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type CertificateInfo,
  type ProviderId,
  type ProviderStatus,
  type SignatureProvider,
  SigningError,
} from '../../../../../electron/services/signing/provider';
import {
  createProviderRegistry,
  ProviderRegistry,
} from '../../../../../electron/services/signing/providers/provider-registry';
import { createDevelopmentKeyFile } from '../../../../../electron/services/signing/providers/software/development-keys';
import { buildTestSignedData, issueWithTestCa, verifyTestSignedData } from './fakes/test-pki';

function certificate(provider: ProviderId, id: string): CertificateInfo {
  return {
    id,
    provider,
    subject: id,
    issuer: 'УЦ',
    serialNumber: '01',
    notBefore: '2026-01-01T00:00:00.000Z',
    notAfter: '2027-01-01T00:00:00.000Z',
    der: new Uint8Array([0x30]),
    development: provider === 'software',
  };
}

function stub(
  id: ProviderId,
  status: Omit<ProviderStatus, 'provider'> | Error,
  certificates: CertificateInfo[] | Error = [],
  delayMs = 0,
): SignatureProvider & { signed: string[] } {
  const signed: string[] = [];
  return {
    id,
    label: id,
    signed,
    async detect() {
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      if (status instanceof Error) throw status;
      return { provider: id, ...status };
    },
    async listCertificates() {
      if (certificates instanceof Error) throw certificates;
      return certificates;
    },
    async signDetached(certificateId) {
      signed.push(certificateId);
      return new Uint8Array([0x30, 0x00]);
    },
  };
}

describe('provider registry', () => {
  it('orders providers AVEST → identification client → development keys', () => {
    const registry = new ProviderRegistry([
      stub('software', { available: true, message: '' }),
      stub('avest', { available: true, message: '' }),
      stub('ntclient', { available: true, message: '' }),
    ]);
    expect(registry.providers.map((p) => p.id)).toEqual(['avest', 'ntclient', 'software']);
  });

  it('detects all providers in parallel and reports a failing one instead of throwing', async () => {
    const registry = new ProviderRegistry([
      stub('avest', new Error('koffi crashed'), [], 120),
      stub('ntclient', { available: false, code: 'CLIENT_NOT_INSTALLED', message: 'нет' }, [], 120),
      stub('software', { available: true, message: 'ok' }, [], 120),
    ]);
    const started = Date.now();
    const statuses = await registry.detectAll();
    expect(Date.now() - started).toBeLessThan(300);
    expect(statuses.map((s) => [s.provider, s.available, s.code])).toEqual([
      ['avest', false, 'PROVIDER_FAILED'],
      ['ntclient', false, 'CLIENT_NOT_INSTALLED'],
      ['software', true, undefined],
    ]);
  });

  it('lists certificates of the available providers only, with every status', async () => {
    const registry = new ProviderRegistry([
      stub('avest', { available: true, message: 'ok' }, [certificate('avest', 'A1'), certificate('avest', 'A2')]),
      stub('ntclient', { available: false, code: 'TOKEN_ABSENT', message: 'Не вставлена ID-карта.' }, [
        certificate('ntclient', 'never'),
      ]),
      stub('software', { available: true, message: 'ok' }, new SigningError('TOKEN_ABSENT', 'Нет ключей')),
    ]);
    const choice = await registry.listCertificates();
    expect(choice.certificates.map((c) => c.id)).toEqual(['A1', 'A2']);
    expect(choice.statuses.map((s) => [s.provider, s.available, s.code, s.message])).toEqual([
      ['avest', true, undefined, 'ok'],
      ['ntclient', false, 'TOKEN_ABSENT', 'Не вставлена ID-карта.'],
      ['software', false, 'TOKEN_ABSENT', 'Нет ключей'],
    ]);
    expect((await registry.available()).map((p) => p.id)).toEqual(['avest', 'software']);
  });

  it('signs with the chosen certificate’s provider', async () => {
    const avest = stub('avest', { available: true, message: '' });
    const software = stub('software', { available: true, message: '' });
    const registry = new ProviderRegistry([avest, software]);
    await registry.signDetached({ provider: 'software', id: 'K1' }, new Uint8Array([1]));
    expect([avest.signed, software.signed]).toEqual([[], ['K1']]);
    await expect(registry.signDetached({ provider: 'ntclient', id: 'x' }, new Uint8Array([1]))).rejects.toMatchObject({
      code: 'CLIENT_NOT_INSTALLED',
    });
  });
});

describe('default wiring', () => {
  let dir: string | null = null;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    dir = null;
  });

  it('offers the development keys on a machine without AVEST or identification client', async () => {
    dir = await mkdtemp(join(tmpdir(), 'registry-'));
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as { port: number };
    await new Promise((resolve) => closed.close(resolve));
    await createDevelopmentKeyFile({
      keysDir: join(dir, 'keys'),
      owner: 'Руководитель Демо',
      userId: 'head',
      password: 'head',
      issueCertificate: issueWithTestCa,
    });
    const registry = createProviderRegistry({
      dataDir: dir,
      buildSignedData: buildTestSignedData,
      ntclientUrl: `http://127.0.0.1:${port}`,
    });
    const choice = await registry.listCertificates();
    expect(choice.statuses.map((s) => [s.provider, s.available, s.code])).toEqual([
      ['avest', false, 'CLIENT_NOT_INSTALLED'],
      ['ntclient', false, 'CLIENT_NOT_INSTALLED'],
      ['software', true, undefined],
    ]);
    const [chosen] = choice.certificates;
    expect(chosen).toMatchObject({ provider: 'software', subject: 'Руководитель Демо', development: true });
    const data = new TextEncoder().encode('документ');
    const cms = await registry.signDetached(chosen as CertificateInfo, data, { password: 'head' });
    expect(verifyTestSignedData(cms, data).signatureValid).toBe(true);
  });

  it('leaves the development keys out when asked', () => {
    const registry = createProviderRegistry({
      dataDir: '/nonexistent',
      buildSignedData: buildTestSignedData,
      developmentKeys: false,
    });
    expect(registry.providers.map((p) => p.id)).toEqual(['avest', 'ntclient']);
  });
});
