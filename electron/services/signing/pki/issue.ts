/**
 * Issuing X.509 v3 certificates with bign keys (RFC 5280 profile, STB 34.101.45 annex Д) — for tests and
 * the development key store, never for production keys: root CAs (self-signed with bign-with-hbelt),
 * intermediate CAs and users' signing certificates. Synchronous; keys come from shared/crypto
 * (WebCrypto's CSPRNG unless a `random` source is given). CRLs: issue-crl.ts; a ready PKI: dev-pki.ts.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import {
  type BignKeyPair,
  beltHash,
  bignGenerateKeyPair,
  defaultRandomBytes,
  type RandomBytes,
} from '../../../../shared/crypto';
import { bignPublicKeyInfo, bignWithHbelt, signDer } from './bign';
import { type ParsedCertificate, parseCertificate } from './certificate';
import { encode, positiveInteger } from './der';
import {
  authorityKeyIdExtension,
  basicConstraintsExtension,
  type KeyUsageName,
  keyUsageExtension,
  subjectKeyIdExtension,
} from './extensions';
import { buildName, type NameSpec } from './names';
import { wholeSeconds, x509Time } from './time';

/** A certificate with its key pair: what can issue further certificates and CRLs, or sign. */
export interface IssuedCertificate {
  der: Uint8Array;
  keyPair: BignKeyPair;
  parsed: ParsedCertificate;
}

export interface CertificateTemplate {
  subject: NameSpec;
  /** Default: now, to the second. */
  notBefore?: Date;
  /** Default: notBefore + 10 years for a CA, + 1 year otherwise. */
  notAfter?: Date;
  /** Big-endian bytes or hex; default 16 random bytes (positive). */
  serialNumber?: Uint8Array | string;
  /** Default: a fresh key pair (issueRootCa, issueCertificate). */
  keyPair?: BignKeyPair;
  /**
   * A CA certificate (basicConstraints cA, optionally pathLenConstraint). Default: false for
   * issueCertificate; issueRootCa always issues a CA.
   */
  ca?: boolean | { pathLength?: number };
  /**
   * keyUsage (critical). Default: keyCertSign + cRLSign for a CA, digitalSignature + nonRepudiation
   * otherwise; null leaves the extension out.
   */
  keyUsage?: KeyUsageName[] | null;
  /** More extensions, appended as given (e.g. certificate policies; tests: an unknown critical one). */
  extensions?: readonly pkijs.Extension[];
  random?: RandomBytes;
}

export function addYears(date: Date, years: number): Date {
  const next = new Date(date);
  next.setUTCFullYear(next.getUTCFullYear() + years);
  return next;
}

/** Big-endian serial bytes: given hex or bytes, else 16 random bytes, positive and minimal. */
export function serialBytes(
  serial: Uint8Array | string | undefined,
  random: RandomBytes = defaultRandomBytes,
): Uint8Array {
  if (typeof serial === 'string') return Uint8Array.from(Buffer.from(serial.length % 2 ? `0${serial}` : serial, 'hex'));
  if (serial) return serial;
  const bytes = random(16);
  bytes[0] = ((bytes[0] ?? 0) & 0x7f) | 0x01;
  return bytes;
}

/** The key identifier of a bign public key: the first 20 octets of belt-hash(<Q>) (cf. RFC 5280 4.2.1.2). */
export function keyIdentifier(publicKey: Uint8Array): Uint8Array {
  return beltHash(publicKey).slice(0, 20);
}

interface Signer {
  name: pkijs.RelativeDistinguishedNames | 'self';
  publicKey: Uint8Array;
  privateKey: Uint8Array;
}

function build(template: CertificateTemplate, publicKey: Uint8Array, signer: Signer): Uint8Array {
  const random = template.random ?? defaultRandomBytes;
  const ca = template.ca ?? false;
  const notBefore = wholeSeconds(template.notBefore ?? new Date());
  const notAfter = template.notAfter ?? addYears(notBefore, ca ? 10 : 1);
  const subject = buildName(template.subject);
  const defaultUsage: KeyUsageName[] = ca ? ['keyCertSign', 'cRLSign'] : ['digitalSignature', 'nonRepudiation'];
  const keyUsage = template.keyUsage === undefined ? defaultUsage : template.keyUsage;
  const extensions: pkijs.Extension[] = [];
  if (ca) {
    const pathLength = typeof ca === 'object' ? ca.pathLength : undefined;
    extensions.push(basicConstraintsExtension({ ca: true, pathLength }));
  }
  if (keyUsage !== null) extensions.push(keyUsageExtension(keyUsage));
  extensions.push(subjectKeyIdExtension(keyIdentifier(publicKey)));
  extensions.push(authorityKeyIdExtension(keyIdentifier(signer.publicKey)));
  extensions.push(...(template.extensions ?? []));
  const certificate = new pkijs.Certificate({
    version: 2,
    serialNumber: positiveInteger(serialBytes(template.serialNumber, random)),
    signature: bignWithHbelt(),
    issuer: signer.name === 'self' ? subject : signer.name,
    notBefore: x509Time(notBefore),
    notAfter: x509Time(notAfter),
    subject,
    subjectPublicKeyInfo: bignPublicKeyInfo(publicKey),
    extensions,
    signatureAlgorithm: bignWithHbelt(),
  });
  const tbs = encode(certificate.encodeTBS());
  certificate.tbsView = tbs;
  certificate.signatureValue = new asn1js.BitString({ valueHex: signDer(tbs, signer.privateKey) });
  return encode(certificate.toSchema());
}

function authority(issuer: IssuedCertificate): Signer {
  return { name: issuer.parsed.certificate.subject, ...issuer.keyPair };
}

/** A self-signed root CA certificate (basicConstraints cA, keyCertSign + cRLSign, 10 years by default). */
export function issueRootCa(template: CertificateTemplate): IssuedCertificate {
  const keyPair = template.keyPair ?? bignGenerateKeyPair(template.random);
  const der = build({ ...template, ca: template.ca || true }, keyPair.publicKey, { name: 'self', ...keyPair });
  return { der, keyPair, parsed: parseCertificate(der) };
}

/** A certificate signed by `issuer`: an intermediate CA with `ca`, a user's signing certificate without. */
export function issueCertificate(issuer: IssuedCertificate, template: CertificateTemplate): IssuedCertificate {
  const keyPair = template.keyPair ?? bignGenerateKeyPair(template.random);
  const der = build(template, keyPair.publicKey, authority(issuer));
  return { der, keyPair, parsed: parseCertificate(der) };
}

/**
 * A certificate for a public key whose private key `issuer` never sees (a token's or a key store's):
 * the certificate's DER. `template.keyPair` is ignored.
 */
export function issueCertificateForKey(
  issuer: IssuedCertificate,
  publicKey: Uint8Array,
  template: CertificateTemplate,
): Uint8Array {
  return build(template, publicKey, authority(issuer));
}
