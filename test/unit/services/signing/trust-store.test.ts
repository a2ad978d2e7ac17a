/** The trust folder: DER and PEM certificates (roots found by self-signature), CRLs, junk reported. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyDetached } from '../../../../electron/services/signing/cms';
import { loadTrustStore, readCertificates } from '../../../../electron/services/signing/pki';
import { CONTENT, sign, testPki } from './pki-fixture';

const pem = (label: string, ...ders: Uint8Array[]) =>
  ders
    .map(
      (der) =>
        `-----BEGIN ${label}-----\n${Buffer.from(der).toString('base64').replace(/.{64}/g, '$&\n')}\n-----END ${label}-----\n`,
    )
    .join('');

const folder = mkdtempSync(join(tmpdir(), 'arm-trust-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('loadTrustStore', () => {
  it('loads roots and intermediates from DER and PEM files, CRLs from the folder and from files', async () => {
    const { root, intermediate, foreignRoot, revoked, crl } = testPki();
    const dir = join(folder, 'roots');
    mkdirSync(dir);
    writeFileSync(join(dir, 'root.cer'), root.der);
    writeFileSync(join(dir, 'bundle.pem'), `комментарий\n${pem('CERTIFICATE', intermediate.der, foreignRoot.der)}`);
    writeFileSync(join(dir, 'broken.crt'), 'not a certificate');
    writeFileSync(join(dir, 'readme.txt'), 'ignored');
    mkdirSync(join(dir, 'sub.cer'));
    writeFileSync(join(folder, 'list.crl'), pem('X509 CRL', crl));

    const store = loadTrustStore({ rootsDir: dir, crlFiles: [join(folder, 'list.crl')] });
    expect(store.roots.map((c) => c.subject).sort()).toEqual(['Посторонний УЦ', 'Тестовый корневой УЦ']);
    expect(store.intermediates.map((c) => c.subject)).toEqual(['Тестовый республиканский УЦ']);
    expect(store.crls).toHaveLength(1);
    expect(store.skipped).toEqual([
      { file: join(dir, 'broken.crt'), reason: expect.stringContaining('ни DER, ни PEM') },
    ]);

    const p7s = await sign(revoked, { withChain: false });
    expect(verifyDetached(CONTENT, p7s, store).code).toBe('CERT_REVOKED');
    expect(verifyDetached(CONTENT, p7s, { ...store, crls: [] }).valid).toBe(true);
  });

  it('a missing folder or CRL file is a configuration error (throws)', () => {
    expect(() => loadTrustStore({ rootsDir: join(folder, 'absent') })).toThrow(/ENOENT/);
    expect(() => loadTrustStore({ crlFiles: [join(folder, 'absent.crl')] })).toThrow(/ENOENT/);
  });

  it('readCertificates reads a PEM bundle in order', () => {
    const { root, intermediate } = testPki();
    const text = new TextEncoder().encode(pem('CERTIFICATE', root.der, intermediate.der));
    expect(readCertificates(text).map((c) => c.der)).toEqual([root.der, intermediate.der]);
    expect(readCertificates(root.der)[0]?.der).toEqual(root.der);
  });
});
