/** Detached CMS SignedData with bign (RFC 5652, STB 34.101.23): sign → verify round trips and the structure. */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { describe, expect, it } from 'vitest';
import { buildSignedData, verifyDetached } from '../../../../electron/services/signing/cms';
import { SigningError } from '../../../../electron/services/signing/provider';
import { formatMinsk } from '../../../../shared/calendar';
import { beltHash, bignSign, bignVerify } from '../../../../shared/crypto';
import { CONTENT, ecdsaCertificate, NOW, sign, testPki, trust } from './pki-fixture';

const OID = {
  beltHash: '1.2.112.0.2.0.34.101.31.81',
  bignWithHbelt: '1.2.112.0.2.0.34.101.45.12',
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
};

function parse(p7s: Uint8Array) {
  const contentInfo = pkijs.ContentInfo.fromBER(p7s.slice().buffer);
  return { contentInfo, signedData: new pkijs.SignedData({ schema: contentInfo.content }) };
}

describe('buildSignedData → verifyDetached', () => {
  it('verifies a fresh signature and names the signer', async () => {
    const { user } = testPki();
    const result = verifyDetached(CONTENT, await sign(user), trust());
    expect(result).toEqual({
      valid: true,
      code: 'VALID',
      reason: null,
      signer: {
        subject: 'Иванов Иван Иванович',
        serialNumber: user.parsed.serialNumber,
        issuer: 'Тестовый республиканский УЦ',
      },
      signedAt: formatMinsk(NOW),
    });
    expect(result.signedAt).toBe('2026-03-10T12:00:00.000+03:00');
  });

  it('round-trips empty, binary and 1 MiB documents; signing is deterministic', async () => {
    const { user } = testPki();
    const big = new Uint8Array(1 << 20).map((_, i) => (i * 31) & 0xff);
    for (const content of [new Uint8Array(0), Uint8Array.from([0, 255, 0x30, 0x80]), big]) {
      const p7s = await sign(user, { content });
      expect(verifyDetached(content, p7s, trust()).valid).toBe(true);
      expect(await sign(user, { content })).toEqual(p7s); // bign-genk: no randomness
    }
  });

  it('accepts an asynchronous signHash (a token that signs a hash) and a PEM p7s', async () => {
    const { user, intermediate } = testPki();
    const p7s = await buildSignedData({
      content: CONTENT,
      certificateDer: user.der,
      signHash: async (hash) => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        return bignSign(hash, user.keyPair.privateKey);
      },
      signingTime: NOW,
      extraCertificates: [intermediate.der],
    });
    const pem = `-----BEGIN PKCS7-----\n${Buffer.from(p7s).toString('base64').replace(/.{64}/g, '$&\n')}\n-----END PKCS7-----\n`;
    expect(verifyDetached(CONTENT, new TextEncoder().encode(pem), trust()).valid).toBe(true);
  });

  it('completes the path from intermediates given to the verifier when the signature carries only the signer', async () => {
    const { user, intermediate } = testPki();
    const p7s = await sign(user, { withChain: false });
    expect(parse(p7s).signedData.certificates).toHaveLength(1);
    expect(verifyDetached(CONTENT, p7s, trust()).code).toBe('CERT_UNTRUSTED');
    expect(verifyDetached(CONTENT, p7s, { ...trust(), intermediates: [intermediate.der] }).valid).toBe(true);
  });

  it('checks the certificates at the signing time unless `at` says otherwise', async () => {
    const { user } = testPki();
    const p7s = await sign(user);
    expect(verifyDetached(CONTENT, p7s, { ...trust(), at: new Date('2031-01-01T00:00:00Z') }).code).toBe(
      'CERT_EXPIRED',
    );
  });

  it('writes the profile: belt-hash, bign-with-hbelt with NULL, issuerAndSerialNumber, three signed attributes', async () => {
    const { user, intermediate } = testPki();
    const p7s = await sign(user);
    const { contentInfo, signedData } = parse(p7s);
    expect(contentInfo.contentType).toBe(OID.signedData);
    expect(signedData.version).toBe(1);
    expect(signedData.digestAlgorithms.map((a) => a.algorithmId)).toEqual([OID.beltHash]);
    expect(signedData.digestAlgorithms[0]?.algorithmParams).toBeInstanceOf(asn1js.Null);
    expect(signedData.encapContentInfo.eContentType).toBe(OID.data);
    expect(signedData.encapContentInfo.eContent).toBeUndefined();
    const carried = (signedData.certificates ?? []).map(
      (c) => new Uint8Array((c as pkijs.Certificate).toSchema().toBER()),
    );
    expect(carried).toHaveLength(2);
    expect(carried).toContainEqual(user.der);
    expect(carried).toContainEqual(intermediate.der);

    const [signer] = signedData.signerInfos;
    if (!signer?.signedAttrs) throw new Error('no signer or signed attributes');
    expect(signer.version).toBe(1);
    expect(signer.sid).toBeInstanceOf(pkijs.IssuerAndSerialNumber);
    const sid = signer.sid as pkijs.IssuerAndSerialNumber;
    expect(sid.serialNumber.isEqual(user.parsed.certificate.serialNumber)).toBe(true);
    expect(sid.issuer.isEqual(intermediate.parsed.certificate.subject)).toBe(true);
    expect(signer.digestAlgorithm.algorithmId).toBe(OID.beltHash);
    expect(signer.signatureAlgorithm.algorithmId).toBe(OID.bignWithHbelt);
    expect(signer.signatureAlgorithm.algorithmParams).toBeInstanceOf(asn1js.Null);

    const attributes = signer.signedAttrs.attributes;
    expect(attributes.map((a) => a.type).sort()).toEqual([OID.contentType, OID.messageDigest, OID.signingTime]);
    const value = (type: string) => attributes.find((a) => a.type === type)?.values[0];
    expect((value(OID.contentType) as asn1js.ObjectIdentifier).valueBlock.toString()).toBe(OID.data);
    expect(new Uint8Array((value(OID.messageDigest) as asn1js.OctetString).valueBlock.valueHexView)).toEqual(
      beltHash(CONTENT),
    );
    expect(value(OID.signingTime)).toBeInstanceOf(asn1js.UTCTime);
    expect((value(OID.signingTime) as asn1js.UTCTime).toDate()).toEqual(NOW);
    // DER: SET OF in ascending order of the encodings (X.690 11.6)
    const encodings = attributes.map((a) => Buffer.from(a.toSchema().toBER()));
    expect([...encodings].sort(Buffer.compare)).toEqual(encodings);

    // The signature is bign over belt-hash of the attributes' DER with the SET OF tag (RFC 5652 5.4).
    const signedBytes = new Uint8Array(signer.signedAttrs.encodedValue);
    expect(signedBytes[0]).toBe(0x31);
    const signature = new Uint8Array(signer.signature.valueBlock.valueHexView);
    expect(signature).toHaveLength(48);
    expect(bignVerify(beltHash(signedBytes), signature, user.keyPair.publicKey)).toBe(true);
  });
  it('carries each extra certificate once, in DER order', async () => {
    const { user, intermediate, root } = testPki();
    const p7s = await buildSignedData({
      content: CONTENT,
      certificateDer: user.der,
      signHash: (hash) => bignSign(hash, user.keyPair.privateKey),
      extraCertificates: [root.der, user.der, intermediate.der, root.der],
    });
    const carried = (parse(p7s).signedData.certificates ?? []).map((c) =>
      Buffer.from((c as pkijs.Certificate).toSchema().toBER()),
    );
    expect(carried).toHaveLength(3);
    expect([...carried].sort(Buffer.compare)).toEqual(carried);
  });
});

describe('buildSignedData refuses what it cannot sign correctly', () => {
  it('a signature by another key (PROVIDER_FAILED) unless told not to check', async () => {
    const { user, other } = testPki();
    const attempt = buildSignedData({
      content: CONTENT,
      certificateDer: user.der,
      signHash: (hash) => bignSign(hash, other.keyPair.privateKey),
    });
    await expect(attempt).rejects.toMatchObject({ name: 'SigningError', code: 'PROVIDER_FAILED' });
  });

  it('a broken chain certificate (PROVIDER_FAILED)', async () => {
    const { user } = testPki();
    const attempt = buildSignedData({
      content: CONTENT,
      certificateDer: user.der,
      signHash: (hash) => bignSign(hash, user.keyPair.privateKey),
      extraCertificates: [Uint8Array.from([0x30, 0x00])],
    });
    await expect(attempt).rejects.toMatchObject({ code: 'PROVIDER_FAILED', message: /Сертификат цепочки повреждён/ });
  });

  it('a signature of the wrong length', async () => {
    const { user } = testPki();
    const attempt = buildSignedData({ content: CONTENT, certificateDer: user.der, signHash: () => new Uint8Array(64) });
    await expect(attempt).rejects.toMatchObject({ code: 'PROVIDER_FAILED' });
  });

  it("passes the provider's own errors through", async () => {
    const { user } = testPki();
    const cancelled = new SigningError('CANCELLED', 'Подписание отменено');
    const attempt = buildSignedData({
      content: CONTENT,
      certificateDer: user.der,
      signHash: () => Promise.reject(cancelled),
    });
    await expect(attempt).rejects.toBe(cancelled);
  });

  it('a certificate with a non-bign key (ALGORITHM_UNSUPPORTED) or a broken one (PROVIDER_FAILED)', async () => {
    const ecdsa = await ecdsaCertificate();
    const signHash = () => new Uint8Array(48);
    await expect(buildSignedData({ content: CONTENT, certificateDer: ecdsa, signHash })).rejects.toMatchObject({
      code: 'ALGORITHM_UNSUPPORTED',
    });
    await expect(
      buildSignedData({ content: CONTENT, certificateDer: Uint8Array.from([0x30, 0x03, 1, 2, 3]), signHash }),
    ).rejects.toMatchObject({ code: 'PROVIDER_FAILED' });
  });
});
