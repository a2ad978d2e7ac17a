/** X.509 with bign keys: what parseCertificate reads, names, issuing helpers, CRLs (RFC 5280, STB 34.101.45). */
import * as asn1js from 'asn1js';
import { describe, expect, it } from 'vitest';
import {
  buildName,
  developmentCertificateIssuer,
  displayName,
  formatName,
  isIssuedBy,
  issueCertificate,
  issueCertificateForKey,
  issueRootCa,
  keyIdentifier,
  PkiError,
  parseCertificate,
  parseCrl,
  toCertificateInfo,
  validateChain,
} from '../../../../electron/services/signing/pki';
import { beltHash, bignSign, bignVerify } from '../../../../shared/crypto';
import { days, ecdsaCertificate, NOW, testPki } from './pki-fixture';

describe('parseCertificate', () => {
  it('reads subject, issuer, serial, validity, key usage, constraints and the bign key', () => {
    const { user, intermediate, root } = testPki();
    const cert = parseCertificate(user.der);
    expect(cert.subject).toBe('Иванов Иван Иванович');
    expect(cert.subjectDn).toBe(
      'CN=Иванов Иван Иванович, GN=Иван Иванович, SN=Иванов, O=Исполнительный комитет (тест), C=BY',
    );
    expect(cert.issuer).toBe('Тестовый республиканский УЦ');
    expect(cert.issuerDn).toBe(intermediate.parsed.subjectDn);
    expect(cert.serialNumber).toMatch(/^[0-9A-F]{32}$/);
    expect(cert.notBefore).toEqual(new Date(NOW.getTime() - 86_400_000));
    expect(cert.notAfter.getUTCFullYear()).toBe(2028);
    expect([...(cert.keyUsage ?? [])]).toEqual(['digitalSignature', 'nonRepudiation']);
    expect(cert.basicConstraints).toBeNull();
    expect(cert.publicKey).toEqual(user.keyPair.publicKey);
    expect(cert.subjectKeyId).toEqual(keyIdentifier(user.keyPair.publicKey));
    expect(cert.authorityKeyId).toEqual(intermediate.parsed.subjectKeyId);
    expect(cert.unknownCriticalExtensions).toEqual([]);
    expect(cert.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(intermediate.parsed.basicConstraints).toEqual({ ca: true, pathLength: 0 });
    expect([...(root.parsed.keyUsage ?? [])]).toEqual(['keyCertSign', 'cRLSign']);
  });

  it('links certificates by bign-with-hbelt signatures', () => {
    const { user, intermediate, root, other } = testPki();
    expect(isIssuedBy(root.parsed, root.parsed)).toBe(true);
    expect(isIssuedBy(intermediate.parsed, root.parsed)).toBe(true);
    expect(isIssuedBy(user.parsed, intermediate.parsed)).toBe(true);
    expect(isIssuedBy(user.parsed, root.parsed)).toBe(false);
    expect(isIssuedBy(user.parsed, other.parsed)).toBe(false);
  });

  it('serial numbers: given hex kept, random ones positive and 16 octets', () => {
    const { intermediate } = testPki();
    const fixed = issueCertificate(intermediate, { subject: { commonName: 'X' }, serialNumber: '00FF01' });
    expect(fixed.parsed.serialNumber).toBe('FF01');
    const encoded = fixed.parsed.certificate.serialNumber.valueBlock.valueHexView;
    expect([...encoded]).toEqual([0x00, 0xff, 0x01]); // a leading zero keeps 0xFF01 positive
  });

  it('times after 2049 are GeneralizedTime (RFC 5280 4.1.2.5)', () => {
    const root = issueRootCa({
      subject: { commonName: 'Долгий УЦ' },
      notBefore: NOW,
      notAfter: new Date('2060-01-01T00:00:00Z'),
    });
    expect(root.parsed.notAfter).toEqual(new Date('2060-01-01T00:00:00Z'));
    expect(root.parsed.certificate.notAfter.type).toBe(1);
    expect(root.parsed.certificate.notBefore.type).toBe(0);
  });

  it('rejects garbage with PkiError MALFORMED and reads other keys as unsupported (publicKey null)', async () => {
    for (const bad of [new Uint8Array(0), Uint8Array.from([0x30, 0x00]), Uint8Array.from([...testPki().user.der, 0])]) {
      expect(() => parseCertificate(bad)).toThrow(PkiError);
    }
    const ecdsa = parseCertificate(await ecdsaCertificate());
    expect(ecdsa.publicKey).toBeNull();
    expect(ecdsa.subject).toBe('ECDSA');
  });

  it('toCertificateInfo gives the provider-facing description', () => {
    const { user } = testPki();
    expect(toCertificateInfo(user.parsed, 'software', true)).toEqual({
      id: user.parsed.fingerprint,
      provider: 'software',
      subject: 'Иванов Иван Иванович',
      issuer: 'Тестовый республиканский УЦ',
      serialNumber: user.parsed.serialNumber,
      notBefore: '2026-03-09T09:00:00.000Z',
      notAfter: '2028-03-09T09:00:00.000Z',
      der: user.der,
      development: true,
    });
  });
});

describe('names', () => {
  it('one attribute per RDN, UTF8String for Cyrillic, PrintableString for C', () => {
    const name = buildName({ country: 'BY', organization: 'Орг', commonName: 'Имя' });
    const sequence = name.toSchema() as asn1js.Sequence;
    expect(sequence.valueBlock.value).toHaveLength(3);
    const first = (sequence.valueBlock.value[0] as asn1js.Set).valueBlock.value[0] as asn1js.Sequence;
    expect(first.valueBlock.value[1]).toBeInstanceOf(asn1js.PrintableString);
    expect(formatName(name)).toBe('CN=Имя, O=Орг, C=BY');
  });

  it('the owner: surname + name (2.5.4.41) or given name, else CN, else O', () => {
    expect(displayName(buildName({ surname: 'Иванов', name: 'Иван Иванович', commonName: 'ООО «Рога»' }))).toBe(
      'Иванов Иван Иванович',
    );
    expect(displayName(buildName({ surname: 'Иванов', givenName: 'Иван' }))).toBe('Иванов Иван');
    expect(displayName(buildName({ surname: 'Иванов', commonName: 'Орг' }))).toBe('Иванов');
    expect(displayName(buildName({ commonName: 'Петров Пётр', organization: 'Орг' }))).toBe('Петров Пётр');
    expect(displayName(buildName({ organization: 'Исполком', country: 'BY' }))).toBe('Исполком');
    expect(formatName(buildName({ commonName: 'А, Б+В' }))).toBe('CN=А\\, Б\\+В');
  });
});

describe('issuing for an external key (development key store)', () => {
  it('issueCertificateForKey and developmentCertificateIssuer certify a key the CA never sees', async () => {
    const { intermediate, root } = testPki();
    const holder = issueRootCa({ subject: { commonName: 'только ключ' } }).keyPair; // any bign key pair
    const der = issueCertificateForKey(intermediate, holder.publicKey, {
      subject: { commonName: 'Ключ' },
      notBefore: days(-1),
    });
    expect(parseCertificate(der).publicKey).toEqual(holder.publicKey);

    const issue = developmentCertificateIssuer(intermediate);
    const dev = parseCertificate(
      await issue({
        commonName: 'Сидоров Сидор Сидорович',
        publicKey: holder.publicKey,
        notBefore: days(-1),
        notAfter: days(30),
      }),
    );
    expect(dev.subject).toBe('Сидоров Сидор Сидорович');
    expect(dev.subjectDn).toBe('CN=Сидоров Сидор Сидорович, GN=Сидор Сидорович, SN=Сидоров, C=BY');
    expect(validateChain(dev, { roots: [root.parsed], intermediates: [intermediate.parsed] }, NOW)).toMatchObject({
      ok: true,
    });
    const hash = beltHash(new Uint8Array([1, 2, 3]));
    expect(bignVerify(hash, bignSign(hash, holder.privateKey), dev.publicKey ?? new Uint8Array())).toBe(true);
  });
});

describe('CRLs', () => {
  it('parseCrl reads the issuer, dates and entries with reasons', () => {
    const { crl, intermediate, revoked } = testPki();
    const parsed = parseCrl(crl);
    expect(parsed.issuerDn).toBe(intermediate.parsed.subjectDn);
    expect(parsed.thisUpdate).toEqual(days(-1));
    expect(parsed.nextUpdate).toEqual(days(6));
    expect(parsed.entries.size).toBe(3);
    expect(parsed.entries.get(revoked.parsed.serialNumber)).toEqual({ revokedAt: days(-2), reason: 'keyCompromise' });
    expect(() => parseCrl(intermediate.der)).toThrow(PkiError);
  });

  it('validateChain returns the path it found', () => {
    const { user, intermediate, root } = testPki();
    const result = validateChain(user.parsed, { roots: [root.parsed], intermediates: [intermediate.parsed] }, NOW);
    expect(result.ok && result.chain.map((c) => c.subject)).toEqual([
      'Иванов Иван Иванович',
      'Тестовый республиканский УЦ',
      'Тестовый корневой УЦ',
    ]);
    expect(validateChain(root.parsed, { roots: [root.parsed] }, NOW)).toMatchObject({ ok: true });
  });
});
