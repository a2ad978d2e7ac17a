/**
 * verifyDetached tells each way a signature can fail apart, with a typed code and a Russian reason:
 * tampered data or signature, wrong key, certificate dates, key usage, untrusted chain, revocation.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { describe, expect, it } from 'vitest';
import { verifyDetached } from '../../../../electron/services/signing/cms';
import { issueCertificate, issueCrl, type VerifyCode } from '../../../../electron/services/signing/pki';
import { extension } from '../../../../electron/services/signing/pki/extensions';
import { CONTENT, days, editSignedData, indexOf, NOW, sign, testPki, trust } from './pki-fixture';

function expectFailure(result: ReturnType<typeof verifyDetached>, code: VerifyCode, reason: RegExp) {
  expect(result.valid).toBe(false);
  expect(result.code).toBe(code);
  expect(result.reason).toMatch(reason);
}

describe('tampering', () => {
  it('changed document → DIGEST_MISMATCH', async () => {
    const p7s = await sign(testPki().user);
    const changed = Uint8Array.from(CONTENT);
    changed[5] = (changed[5] ?? 0) ^ 1;
    expectFailure(verifyDetached(changed, p7s, trust()), 'DIGEST_MISMATCH', /Документ изменён после подписания/);
    expect(verifyDetached(CONTENT.subarray(1), p7s, trust()).code).toBe('DIGEST_MISMATCH');
  });

  it('changed signature value → BAD_SIGNATURE', async () => {
    const p7s = await sign(testPki().user);
    const [signer] = new pkijs.SignedData({ schema: pkijs.ContentInfo.fromBER(p7s.slice().buffer).content })
      .signerInfos;
    const signature = new Uint8Array(signer?.signature.valueBlock.valueHexView ?? []);
    for (const offset of [0, 20, 47]) {
      const tampered = Uint8Array.from(p7s);
      const at = indexOf(tampered, signature) + offset;
      tampered[at] = (tampered[at] ?? 0) ^ 0x10;
      expectFailure(verifyDetached(CONTENT, tampered, trust()), 'BAD_SIGNATURE', /Подпись неверна/);
    }
  });

  it('changed signed attribute (signingTime) → BAD_SIGNATURE', async () => {
    const p7s = await sign(testPki().user);
    const time = new TextEncoder().encode('260310090000Z');
    const tampered = Uint8Array.from(p7s);
    tampered[indexOf(tampered, time) + 5] = '4'.charCodeAt(0); // 10 March → 14 March
    const result = verifyDetached(CONTENT, tampered, trust());
    expectFailure(result, 'BAD_SIGNATURE', /Подпись неверна/);
    expect(result.signedAt).toBe('2026-03-14T12:00:00.000+03:00');
  });

  it('signature made with another key than the certificate names → BAD_SIGNATURE', async () => {
    const { user, other } = testPki();
    const p7s = await sign(user, { key: other });
    const result = verifyDetached(CONTENT, p7s, trust());
    expectFailure(result, 'BAD_SIGNATURE', /не ключом указанного сертификата/);
    expect(result.signer?.subject).toBe('Иванов Иван Иванович');
  });
});

describe('the signer certificate', () => {
  it('expired at the signing time → CERT_EXPIRED', async () => {
    expectFailure(
      verifyDetached(CONTENT, await sign(testPki().expired), trust()),
      'CERT_EXPIRED',
      /Сертификат подписанта «Старов Сергей» не действовал: срок действия истёк 08\.02\.2026 12:00/,
    );
  });

  it('not yet valid at the signing time → CERT_NOT_YET_VALID', async () => {
    expectFailure(
      verifyDetached(CONTENT, await sign(testPki().notYetValid), trust()),
      'CERT_NOT_YET_VALID',
      /ещё не действовал: срок действия с 09\.04\.2026/,
    );
  });

  it('no keyUsage, or keyUsage without digitalSignature/nonRepudiation → KEY_USAGE', async () => {
    const { noKeyUsage, encipherOnly } = testPki();
    expectFailure(verifyDetached(CONTENT, await sign(noKeyUsage), trust()), 'KEY_USAGE', /не указано назначение ключа/);
    expectFailure(verifyDetached(CONTENT, await sign(encipherOnly), trust()), 'KEY_USAGE', /не предназначен для ЭЦП/);
  });

  it('nonRepudiation alone is enough', async () => {
    const { intermediate } = testPki();
    const signer = issueCertificate(intermediate, {
      subject: { commonName: 'Неотказов Никита' },
      keyUsage: ['nonRepudiation'],
      notBefore: days(-1),
    });
    expect(verifyDetached(CONTENT, await sign(signer), trust()).valid).toBe(true);
  });

  it('not in the signature and not given → SIGNER_NOT_FOUND', async () => {
    const { user, intermediate } = testPki();
    const stripped = editSignedData(await sign(user), (signedData) => {
      signedData.certificates = [intermediate.parsed.certificate];
    });
    expectFailure(verifyDetached(CONTENT, stripped, trust()), 'SIGNER_NOT_FOUND', /нет сертификата подписанта/);
    expect(verifyDetached(CONTENT, stripped, { ...trust(), intermediates: [user.der] }).valid).toBe(true);
  });
});

describe('the chain to the trusted root', () => {
  it('issued under a foreign root → CERT_UNTRUSTED', async () => {
    const { foreignUser } = testPki();
    const p7s = await sign(foreignUser, { withChain: false });
    expectFailure(
      verifyDetached(CONTENT, p7s, trust()),
      'CERT_UNTRUSTED',
      /выдан не доверенным удостоверяющим центром/,
    );
  });

  it('no roots configured → CERT_UNTRUSTED', async () => {
    expectFailure(
      verifyDetached(CONTENT, await sign(testPki().user), { roots: [] }),
      'CERT_UNTRUSTED',
      /Не настроены доверенные корневые сертификаты/,
    );
  });

  it('a CA certificate without basicConstraints cA on the path → CERT_UNTRUSTED', async () => {
    const { root } = testPki();
    const fakeCa = issueCertificate(root, {
      subject: { commonName: 'Не УЦ' },
      keyUsage: ['keyCertSign', 'digitalSignature'],
      notBefore: days(-10),
    });
    const signer = issueCertificate(fakeCa, { subject: { commonName: 'Подписант' }, notBefore: days(-1) });
    const p7s = await sign(signer, { withChain: false });
    const result = verifyDetached(CONTENT, p7s, { ...trust(), intermediates: [fakeCa.der] });
    expectFailure(result, 'CERT_UNTRUSTED', /«Не УЦ» не является сертификатом удостоверяющего центра/);
  });

  it('a path longer than pathLenConstraint allows → CERT_UNTRUSTED', async () => {
    const { intermediate } = testPki(); // pathLength 0
    const subCa = issueCertificate(intermediate, {
      subject: { commonName: 'Подчинённый УЦ' },
      ca: true,
      notBefore: days(-10),
    });
    const signer = issueCertificate(subCa, { subject: { commonName: 'Подписант' }, notBefore: days(-1) });
    const p7s = await sign(signer);
    const result = verifyDetached(CONTENT, p7s, { ...trust(), intermediates: [subCa.der] });
    expectFailure(result, 'CERT_UNTRUSTED', /ограничивает длину цепочки \(0\)/);
  });

  it('an unknown critical extension → CERT_UNTRUSTED (RFC 5280 4.2)', async () => {
    const { intermediate } = testPki();
    const strange = extension('1.2.3.4.5', true, new Uint8Array(new asn1js.Null().toBER()));
    const signer = issueCertificate(intermediate, {
      subject: { commonName: 'Странов' },
      notBefore: days(-1),
      extensions: [strange],
    });
    expectFailure(
      verifyDetached(CONTENT, await sign(signer), trust()),
      'CERT_UNTRUSTED',
      /неизвестные критичные расширения \(1\.2\.3\.4\.5\)/,
    );
  });
});

describe('revocation (CRL)', () => {
  const withCrl = (crl: Uint8Array) => ({ ...trust(), crls: [crl] });

  it('revoked before the signing time → CERT_REVOKED with the date and reason', async () => {
    const { revoked, crl } = testPki();
    const p7s = await sign(revoked);
    expect(verifyDetached(CONTENT, p7s, trust()).valid).toBe(true); // no CRL configured
    expectFailure(
      verifyDetached(CONTENT, p7s, withCrl(crl)),
      'CERT_REVOKED',
      /«Отозванов Олег» отозван 08\.03\.2026 12:00 \(компрометация личного ключа\)/,
    );
  });

  it('revoked after the signing time: stands when superseded, not when the key was compromised', async () => {
    const { supersededLater, compromisedLater, crl, user } = testPki();
    expect(verifyDetached(CONTENT, await sign(supersededLater), withCrl(crl)).valid).toBe(true);
    expect(verifyDetached(CONTENT, await sign(compromisedLater), withCrl(crl)).code).toBe('CERT_REVOKED');
    expect(verifyDetached(CONTENT, await sign(user), withCrl(crl)).valid).toBe(true);
  });

  it('a revoked intermediate CA revokes what it issued', async () => {
    const { root, intermediate, user } = testPki();
    const rootCrl = issueCrl(root, {
      thisUpdate: days(-1),
      revoked: [{ certificate: intermediate, revokedAt: days(-5) }],
    });
    expectFailure(
      verifyDetached(CONTENT, await sign(user), withCrl(rootCrl)),
      'CERT_REVOKED',
      /Сертификат удостоверяющего центра «Тестовый республиканский УЦ» отозван/,
    );
  });

  it("a CRL in the issuer's name signed by another key → CRL_INVALID", async () => {
    const { root, intermediate, user } = testPki();
    const impostor = issueCertificate(root, {
      subject: {
        country: 'BY',
        organization: 'АРМ делопроизводителя (разработка)',
        commonName: 'Тестовый республиканский УЦ',
      },
      ca: true,
      notBefore: days(-1),
    });
    expect(impostor.parsed.subjectDn).toBe(intermediate.parsed.subjectDn);
    const forged = issueCrl(impostor, { thisUpdate: days(-1), revoked: [] });
    expectFailure(
      verifyDetached(CONTENT, await sign(user), withCrl(forged)),
      'CRL_INVALID',
      /не подписан удостоверяющим центром/,
    );
  });
});

describe('structure', () => {
  it('a digest algorithm other than belt-hash → ALGORITHM_UNSUPPORTED', async () => {
    const sha256 = () =>
      new pkijs.AlgorithmIdentifier({ algorithmId: '2.16.840.1.101.3.4.2.1', algorithmParams: new asn1js.Null() });
    const edited = editSignedData(await sign(testPki().user), (signedData) => {
      signedData.digestAlgorithms = [sha256()];
      const [signer] = signedData.signerInfos;
      if (signer) signer.digestAlgorithm = sha256();
    });
    expectFailure(verifyDetached(CONTENT, edited, trust()), 'ALGORITHM_UNSUPPORTED', /belt-hash/);
  });

  it('an attached signature, another content type or another structure → MALFORMED', async () => {
    const { user } = testPki();
    const attached = editSignedData(await sign(user), (signedData) => {
      signedData.encapContentInfo.eContent = new asn1js.OctetString({ valueHex: CONTENT });
    });
    expectFailure(verifyDetached(CONTENT, attached, trust()), 'MALFORMED', /отсоединённая/);
    expectFailure(verifyDetached(CONTENT, user.der, trust()), 'MALFORMED', /неверный формат/);
    expectFailure(verifyDetached(CONTENT, new Uint8Array(0), trust()), 'MALFORMED', /файл подписи пуст/);
    const trailing = Uint8Array.from([...(await sign(user)), 0]);
    expectFailure(verifyDetached(CONTENT, trailing, trust()), 'MALFORMED', /лишние 1 байт/);
  });

  it('version numbers that RFC 5652 forbids → MALFORMED', async () => {
    const edited = editSignedData(await sign(testPki().user), (signedData) => {
      const [signer] = signedData.signerInfos;
      if (signer) signer.version = 3;
    });
    expectFailure(verifyDetached(CONTENT, edited, trust()), 'MALFORMED', /версия SignerInfo/);
  });

  it('NOW is what the fixture signs at', () => {
    expect(NOW.toISOString()).toBe('2026-03-10T09:00:00.000Z');
  });
});
