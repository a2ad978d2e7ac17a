/**
 * A test PKI with bign keys built once per test file through the issuing helper (pki/issue.ts): the
 * development root → intermediate → users in every state the verifier must tell apart, CRLs, and a
 * foreign root. All dates are relative to NOW so the results do not depend on the clock.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { buildSignedData } from '../../../../electron/services/signing/cms';
import {
  createDevelopmentPki,
  type IssuedCertificate,
  issueCertificate,
  issueCrl,
  issueRootCa,
  type NameSpec,
} from '../../../../electron/services/signing/pki';
import { bignSign } from '../../../../shared/crypto';

export const NOW = new Date('2026-03-10T09:00:00Z');
export const DAY = 86_400_000;
export const days = (n: number) => new Date(NOW.getTime() + n * DAY);
export const CONTENT = new TextEncoder().encode('Ответ на обращение № 12-2026-000345 от 10.03.2026\n');

const person = (surname: string, given: string): NameSpec => ({
  country: 'BY',
  organization: 'Исполнительный комитет (тест)',
  surname,
  givenName: given,
  commonName: `${surname} ${given}`,
});

function build() {
  const { root, intermediate, user } = createDevelopmentPki({ now: NOW });
  const userCert = (subject: NameSpec, extra: Partial<Parameters<typeof issueCertificate>[1]> = {}) =>
    issueCertificate(intermediate, { subject, notBefore: days(-30), notAfter: days(365), ...extra });
  const other = userCert(person('Петров', 'Пётр Петрович'));
  const expired = userCert(person('Старов', 'Сергей'), { notBefore: days(-400), notAfter: days(-30) });
  const notYetValid = userCert(person('Новиков', 'Николай'), { notBefore: days(30), notAfter: days(400) });
  const noKeyUsage = userCert(person('Безусов', 'Борис'), { keyUsage: null });
  const encipherOnly = userCert(person('Шифров', 'Шамиль'), { keyUsage: ['keyEncipherment'] });
  const revoked = userCert(person('Отозванов', 'Олег'));
  const supersededLater = userCert(person('Заменов', 'Захар'));
  const compromisedLater = userCert(person('Скомпрометиров', 'Семён'));
  const crl = issueCrl(intermediate, {
    thisUpdate: days(-1),
    nextUpdate: days(6),
    revoked: [
      { certificate: revoked, revokedAt: days(-2), reason: 'keyCompromise' },
      { certificate: supersededLater, revokedAt: days(2), reason: 'superseded' },
      { certificate: compromisedLater, revokedAt: days(2), reason: 'keyCompromise' },
    ],
  });
  const foreignRoot = issueRootCa({ subject: { country: 'BY', commonName: 'Посторонний УЦ' }, notBefore: days(-100) });
  const foreignUser = issueCertificate(foreignRoot, { subject: person('Чужой', 'Чеслав'), notBefore: days(-30) });
  return {
    root,
    intermediate,
    user,
    other,
    expired,
    notYetValid,
    noKeyUsage,
    encipherOnly,
    revoked,
    supersededLater,
    compromisedLater,
    crl,
    foreignRoot,
    foreignUser,
  };
}

let cached: ReturnType<typeof build> | undefined;
/** The fixture PKI (built on first use; ~0.3 s). */
export function testPki() {
  cached ??= build();
  return cached;
}

export interface SignOptions {
  content?: Uint8Array;
  signingTime?: Date;
  /** The key that signs (default the certificate's own). */
  key?: IssuedCertificate;
  /** Carry the intermediate CA in the signature (default true). */
  withChain?: boolean;
}

/** A detached p7s by `signer` over CONTENT at NOW, the intermediate CA carried. */
export function sign(signer: IssuedCertificate, options: SignOptions = {}): Promise<Uint8Array> {
  const key = options.key ?? signer;
  return buildSignedData({
    content: options.content ?? CONTENT,
    certificateDer: signer.der,
    signHash: (hash) => bignSign(hash, key.keyPair.privateKey),
    signingTime: options.signingTime ?? NOW,
    extraCertificates: options.withChain === false ? [] : [testPki().intermediate.der],
    checkSignature: options.key === undefined,
  });
}

/** The trust a clerk's workstation has: the development root. */
export function trust() {
  return { roots: [testPki().root.der] };
}

/** Re-encodes a p7s after `edit` changes its parsed SignedData (pkijs keeps the other bytes as they were). */
export function editSignedData(p7s: Uint8Array, edit: (signedData: pkijs.SignedData) => void): Uint8Array {
  const contentInfo = pkijs.ContentInfo.fromBER(p7s.slice().buffer);
  const signedData = new pkijs.SignedData({ schema: contentInfo.content });
  edit(signedData);
  const out = new pkijs.ContentInfo({ contentType: contentInfo.contentType, content: signedData.toSchema(true) });
  return new Uint8Array(out.toSchema().toBER(false));
}

/** The position of `needle` in `haystack` (throws when absent). */
export function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  const at = Buffer.from(haystack).indexOf(Buffer.from(needle));
  if (at < 0) throw new Error('needle not found');
  return at;
}

/** A self-signed ECDSA P-256 certificate made with WebCrypto through pkijs: a key the verifier does not support. */
export async function ecdsaCertificate(): Promise<Uint8Array> {
  const crypto = pkijs.getCrypto(true);
  const keys = (await crypto.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  const certificate = new pkijs.Certificate();
  certificate.version = 2;
  certificate.serialNumber = new asn1js.Integer({ value: 7 });
  const name = new pkijs.AttributeTypeAndValue({ type: '2.5.4.3', value: new asn1js.Utf8String({ value: 'ECDSA' }) });
  certificate.issuer.typesAndValues.push(name);
  certificate.subject.typesAndValues.push(name);
  certificate.notBefore.value = days(-1);
  certificate.notAfter.value = days(100);
  await certificate.subjectPublicKeyInfo.importKey(keys.publicKey, crypto);
  await certificate.sign(keys.privateKey, 'SHA-256', crypto);
  return new Uint8Array(certificate.toSchema(true).toBER(false));
}
