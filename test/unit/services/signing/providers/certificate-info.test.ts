/** What the certificate choice shows: names of the Belarusian profile, serial, dates, validity checks. */
import { describe, expect, it } from 'vitest';
import {
  certificateFingerprint,
  checkValidityPeriod,
  parseCertificate,
  toCertificateInfo,
} from '../../../../../electron/services/signing/providers/certificate-info';
import { makeTestSigner } from './fakes/test-pki';

describe('certificate info', () => {
  it('names the person by surname and «name» (2.5.4.41), not the organisation in CN', () => {
    const signer = makeTestSigner({ commonName: 'Мингорисполком', surname: 'Иванов', name: 'Иван Иванович' });
    const info = toCertificateInfo(signer.certificateDer, 'avest', { id: 'KEY1' });
    expect(info).toMatchObject({
      id: 'KEY1',
      provider: 'avest',
      subject: 'Иванов Иван Иванович',
      issuer: 'Тестовый УЦ (не для юридически значимой подписи)',
      notBefore: '2025-01-01T00:00:00.000Z',
      notAfter: '2035-01-01T00:00:00.000Z',
      development: false,
    });
    expect(info.serialNumber).toMatch(/^[0-9A-F]+$/);
    expect(parseCertificate(signer.certificateDer).publicKey).toEqual(signer.publicKey);
  });

  it('falls back to the common name, and ids by SHA-256 when the provider has none', () => {
    const signer = makeTestSigner({ commonName: 'Петрова А. С.' });
    const info = toCertificateInfo(signer.certificateDer, 'software', { development: true });
    expect(info.subject).toBe('Петрова А. С.');
    expect(info.id).toBe(certificateFingerprint(signer.certificateDer));
    expect(info.id).toMatch(/^[0-9a-f]{64}$/);
  });

  it('rejects malformed DER with a Russian message', () => {
    expect(() => parseCertificate(new Uint8Array([0x30, 0x03, 0x02]))).toThrow(/Сертификат ключа повреждён/);
  });

  it('checks the validity period with the dates in Minsk time', () => {
    const period = { notBefore: '2026-01-01T00:00:00.000Z', notAfter: '2026-12-31T21:00:00.000Z' };
    expect(() => checkValidityPeriod(period, new Date('2026-06-01T00:00:00Z'))).not.toThrow();
    expect(() => checkValidityPeriod(period, new Date('2027-01-02T00:00:00Z'))).toThrow(
      'Срок действия сертификата истёк 01.01.2027. Получите новый сертификат в удостоверяющем центре.',
    );
    expect(() => checkValidityPeriod(period, new Date('2025-12-01T00:00:00Z'))).toThrow(
      /начнёт действовать 01\.01\.2026/,
    );
  });
});
