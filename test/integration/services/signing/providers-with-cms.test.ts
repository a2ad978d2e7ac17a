/**
 * The providers wired to the real `../cms` builder and `../pki` development PKI (the registry's
 * defaults): a development key created with the PKI's issuer signs a document, and `verifyDetached`
 * accepts the signature up to the development root; the ID card's hash mode goes through the same
 * builder.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildSignedData, verifyDetached } from '../../../../electron/services/signing/cms';
import { createDevelopmentPki, developmentCertificateIssuer } from '../../../../electron/services/signing/pki/dev-pki';
import { NtClientProvider } from '../../../../electron/services/signing/providers/ntclient/ntclient-provider';
import { createProviderRegistry } from '../../../../electron/services/signing/providers/provider-registry';
import { createDevelopmentKeyFile } from '../../../../electron/services/signing/providers/software/development-keys';
import { FakeNtClient } from './fake-ntclient';

const DOCUMENT = new TextEncoder().encode('Ответ заявителю: обращение рассмотрено, меры приняты.');
const pki = createDevelopmentPki();
const roots = [pki.root.der];
const intermediates = [pki.intermediate.der];

describe('providers with the real CMS builder and development PKI', () => {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'providers-cms-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('a development key signs through the registry and verifies up to the development root', async () => {
    await createDevelopmentKeyFile({
      keysDir: join(dir, 'keys'),
      owner: 'Сидоренко Ольга Викторовна',
      userId: 'signer',
      password: 'signer',
      issueCertificate: developmentCertificateIssuer(pki.intermediate),
    });
    const registry = createProviderRegistry({ dataDir: dir, ntclientUrl: 'http://127.0.0.1:9' });
    const { certificates } = await registry.listCertificates();
    const mine = certificates.find((c) => c.provider === 'software');
    expect(mine).toMatchObject({ subject: 'Сидоренко Ольга Викторовна', development: true });
    if (!mine) return;
    const p7s = await registry.signDetached(mine, DOCUMENT, { password: 'signer' });
    const result = verifyDetached(DOCUMENT, p7s, { roots, intermediates });
    expect(result).toMatchObject({ valid: true, code: 'VALID', signer: { subject: 'Сидоренко Ольга Викторовна' } });
    expect(verifyDetached(new TextEncoder().encode('подмена'), p7s, { roots, intermediates }).valid).toBe(false);
  });

  it('the ID card’s hash mode builds the CMS with the real builder', async () => {
    const fake = new FakeNtClient();
    fake.capabilities = ['sign-hash'];
    const user = pki.user;
    fake.card = {
      signer: { ...user.keyPair, certificateDer: user.der },
      id: 'card-1',
      pin: '1111',
      triesLeft: 3,
    };
    const baseUrl = await fake.start();
    try {
      const provider = new NtClientProvider({ baseUrl, buildSignedData });
      const p7s = await provider.signDetached('card-1', DOCUMENT);
      expect(verifyDetached(DOCUMENT, p7s, { roots, intermediates })).toMatchObject({ valid: true, code: 'VALID' });
    } finally {
      await fake.stop();
    }
  });
});
