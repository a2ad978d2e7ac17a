/**
 * X.509 v3 certificates with bign keys (RFC 5280, STB 34.101.45 annex Д): parsing into the facts the
 * checks and the certificate choice need, and checking one certificate's signature by its issuer.
 */
import { createHash } from 'node:crypto';
import * as pkijs from 'pkijs';
import type { CertificateInfo, ProviderId } from '../provider';
import { assertBignWithHbelt, bignPublicKeyOf, verifyDer } from './bign';
import { PkiError } from './codes';
import { decodeAs, encode, integerHex } from './der';
import {
  type BasicConstraints,
  type KeyUsageName,
  parseAuthorityKeyId,
  parseBasicConstraints,
  parseKeyUsage,
  parseSubjectKeyId,
} from './extensions';
import { authorityName, displayName, formatName } from './names';
import {
  KNOWN_CRITICAL_EXTENSIONS,
  OID_EXT_AUTHORITY_KEY_ID,
  OID_EXT_BASIC_CONSTRAINTS,
  OID_EXT_KEY_USAGE,
  OID_EXT_SUBJECT_KEY_ID,
} from './oids';

export interface ParsedCertificate {
  der: Uint8Array;
  /** Hex SHA-256 of the DER: a stable id for the certificate choice. */
  fingerprint: string;
  /** The owner for the clerk: surname + given name, else CN (names.ts). */
  subject: string;
  /** The issuing authority for the clerk: its CN, else O. */
  issuer: string;
  /** RFC 4514 strings of the whole names. */
  subjectDn: string;
  issuerDn: string;
  /** Upper-case hex without leading zeros. */
  serialNumber: string;
  notBefore: Date;
  notAfter: Date;
  /** null when the certificate has no keyUsage extension. */
  keyUsage: ReadonlySet<KeyUsageName> | null;
  /** null when the certificate has no basicConstraints extension (not a CA). */
  basicConstraints: BasicConstraints | null;
  subjectKeyId: Uint8Array | undefined;
  authorityKeyId: Uint8Array | undefined;
  /** <Q> on bign-curve256v1, or null for keys of other algorithms (such a certificate verifies nothing). */
  publicKey: Uint8Array | null;
  /** OIDs of critical extensions this code does not process (RFC 5280 4.2: such a certificate is rejected). */
  unknownCriticalExtensions: string[];
  /** The pkijs object (issuer/subject names, serial number INTEGER for CMS and CRLs). */
  certificate: pkijs.Certificate;
}

/** The certificate's sha-256 (hex): its identity in key stores and in the user binding. */
export function certificateFingerprint(der: Uint8Array): string {
  return createHash('sha256').update(der).digest('hex');
}

function extensionsOf(certificate: pkijs.Certificate): Map<string, pkijs.Extension> {
  const byId = new Map<string, pkijs.Extension>();
  for (const extension of certificate.extensions ?? []) {
    if (byId.has(extension.extnID)) {
      throw new PkiError('MALFORMED', `Сертификат повреждён: расширение ${extension.extnID} повторяется`);
    }
    byId.set(extension.extnID, extension);
  }
  return byId;
}

function publicKeyOf(certificate: pkijs.Certificate): Uint8Array | null {
  try {
    return bignPublicKeyOf(certificate.subjectPublicKeyInfo, 'Сертификат');
  } catch (err) {
    if (err instanceof PkiError && err.code === 'ALGORITHM_UNSUPPORTED') return null;
    throw err;
  }
}

/** Parses a DER certificate; throws PkiError MALFORMED when it is not one. */
export function parseCertificate(der: Uint8Array): ParsedCertificate {
  const certificate = decodeAs((schema) => new pkijs.Certificate({ schema }), der, 'Сертификат');
  const outer = encode(certificate.signatureAlgorithm.toSchema());
  const inner = encode(certificate.signature.toSchema());
  if (Buffer.compare(outer, inner) !== 0) {
    throw new PkiError('MALFORMED', 'Сертификат повреждён: алгоритмы подписи в теле и вне его различаются');
  }
  const extensions = extensionsOf(certificate);
  const value = (id: string) => {
    const extension = extensions.get(id);
    return extension ? Uint8Array.from(extension.extnValue.valueBlock.valueHexView) : undefined;
  };
  const keyUsage = value(OID_EXT_KEY_USAGE);
  const basicConstraints = value(OID_EXT_BASIC_CONSTRAINTS);
  const subjectKeyId = value(OID_EXT_SUBJECT_KEY_ID);
  const authorityKeyId = value(OID_EXT_AUTHORITY_KEY_ID);
  return {
    der: Uint8Array.from(der),
    fingerprint: certificateFingerprint(der),
    subject: displayName(certificate.subject),
    issuer: authorityName(certificate.issuer),
    subjectDn: formatName(certificate.subject),
    issuerDn: formatName(certificate.issuer),
    serialNumber: integerHex(certificate.serialNumber),
    notBefore: certificate.notBefore.value,
    notAfter: certificate.notAfter.value,
    keyUsage: keyUsage ? parseKeyUsage(keyUsage) : null,
    basicConstraints: basicConstraints ? parseBasicConstraints(basicConstraints) : null,
    subjectKeyId: subjectKeyId ? parseSubjectKeyId(subjectKeyId) : undefined,
    authorityKeyId: authorityKeyId ? parseAuthorityKeyId(authorityKeyId) : undefined,
    publicKey: publicKeyOf(certificate),
    unknownCriticalExtensions: [...extensions.values()]
      .filter((e) => e.critical && !KNOWN_CRITICAL_EXTENSIONS.has(e.extnID))
      .map((e) => e.extnID),
    certificate,
  };
}

/** Whether two names are the same (RFC 5280 7.1: equal DER, else pkijs's case- and space-folding compare). */
export function sameName(a: pkijs.RelativeDistinguishedNames, b: pkijs.RelativeDistinguishedNames): boolean {
  if (Buffer.compare(encode(a.toSchema()), encode(b.toSchema())) === 0) return true;
  try {
    return a.isEqual(b);
  } catch {
    return false;
  }
}

/** Whether `issuer` issued `subject`: names chain and bign-with-hbelt verifies over the TBSCertificate. */
export function isIssuedBy(subject: ParsedCertificate, issuer: ParsedCertificate): boolean {
  if (issuer.publicKey === null || !sameName(subject.certificate.issuer, issuer.certificate.subject)) return false;
  try {
    assertBignWithHbelt(subject.certificate.signatureAlgorithm, 'Сертификат');
  } catch {
    return false;
  }
  const signature = subject.certificate.signatureValue;
  if (signature.valueBlock.unusedBits !== 0) return false;
  return verifyDer(subject.certificate.tbsView, signature.valueBlock.valueHexView, issuer.publicKey);
}

/** The provider-facing description of a certificate (provider.ts `CertificateInfo`). */
export function toCertificateInfo(
  parsed: ParsedCertificate,
  provider: ProviderId,
  development: boolean,
  id: string = parsed.fingerprint,
): CertificateInfo {
  return {
    id,
    provider,
    subject: parsed.subject,
    issuer: parsed.issuer,
    serialNumber: parsed.serialNumber,
    notBefore: parsed.notBefore.toISOString(),
    notAfter: parsed.notAfter.toISOString(),
    der: parsed.der,
    development,
  };
}
