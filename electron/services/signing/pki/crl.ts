/**
 * Certificate revocation lists (RFC 5280 section 5) signed with bign-with-hbelt: parsing, checking the
 * CRL's signature by its issuer, looking a certificate up.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { assertBignWithHbelt, verifyDer } from './bign';
import { type ParsedCertificate, sameName } from './certificate';
import { PkiError } from './codes';
import { decodeAs, integerHex, parseDer } from './der';
import { formatName } from './names';
import { OID_EXT_CRL_REASON } from './oids';

/** CRLReason (RFC 5280 5.3.1); value 7 is unused. */
export const CRL_REASONS = [
  'unspecified',
  'keyCompromise',
  'cACompromise',
  'affiliationChanged',
  'superseded',
  'cessationOfOperation',
  'certificateHold',
  undefined,
  'removeFromCRL',
  'privilegeWithdrawn',
  'aACompromise',
] as const;
export type CrlReason = Exclude<(typeof CRL_REASONS)[number], undefined>;

export const CRL_REASON_RU: Record<CrlReason, string> = {
  unspecified: 'причина не указана',
  keyCompromise: 'компрометация личного ключа',
  cACompromise: 'компрометация ключа удостоверяющего центра',
  affiliationChanged: 'изменились сведения о владельце',
  superseded: 'сертификат заменён',
  cessationOfOperation: 'прекращение деятельности',
  certificateHold: 'действие сертификата приостановлено',
  removeFromCRL: 'исключён из списка',
  privilegeWithdrawn: 'отозваны полномочия',
  aACompromise: 'компрометация ключа центра атрибутов',
};

export interface RevocationEntry {
  revokedAt: Date;
  reason: CrlReason | undefined;
}

export interface ParsedCrl {
  der: Uint8Array;
  issuerDn: string;
  thisUpdate: Date;
  nextUpdate: Date | undefined;
  /** By serial number (upper-case hex without leading zeros). */
  entries: ReadonlyMap<string, RevocationEntry>;
  crl: pkijs.CertificateRevocationList;
}

function reasonOf(entry: pkijs.RevokedCertificate): CrlReason | undefined {
  const extension = entry.crlEntryExtensions?.extensions.find((e) => e.extnID === OID_EXT_CRL_REASON);
  if (!extension) return undefined;
  const value = parseDer(extension.extnValue.valueBlock.valueHexView, 'CRLReason');
  if (!(value instanceof asn1js.Enumerated))
    throw new PkiError('MALFORMED', 'Список отозванных: неверная причина отзыва');
  return CRL_REASONS[value.valueBlock.valueDec] ?? 'unspecified';
}

/** Parses a DER CRL; throws PkiError MALFORMED when it is not one. */
export function parseCrl(der: Uint8Array): ParsedCrl {
  const crl = decodeAs(
    (schema) => new pkijs.CertificateRevocationList({ schema }),
    der,
    'Список отозванных сертификатов',
  );
  const entries = new Map<string, RevocationEntry>();
  for (const entry of crl.revokedCertificates ?? []) {
    entries.set(integerHex(entry.userCertificate), { revokedAt: entry.revocationDate.value, reason: reasonOf(entry) });
  }
  return {
    der: Uint8Array.from(der),
    issuerDn: formatName(crl.issuer),
    thisUpdate: crl.thisUpdate.value,
    nextUpdate: crl.nextUpdate?.value,
    entries,
    crl,
  };
}

/** Whether the CRL names `issuer` as its issuer (then it speaks for the certificates `issuer` issued). */
export function isCrlOf(crl: ParsedCrl, issuer: ParsedCertificate): boolean {
  return sameName(crl.crl.issuer, issuer.certificate.subject);
}

/** Whether `issuer`'s key signed the CRL (bign-with-hbelt over TBSCertList) and may sign CRLs (cRLSign). */
export function isCrlSignedBy(crl: ParsedCrl, issuer: ParsedCertificate): boolean {
  if (issuer.publicKey === null || (issuer.keyUsage !== null && !issuer.keyUsage.has('cRLSign'))) return false;
  try {
    assertBignWithHbelt(crl.crl.signatureAlgorithm, 'Список отозванных сертификатов');
  } catch {
    return false;
  }
  const signature = crl.crl.signatureValue;
  if (signature.valueBlock.unusedBits !== 0) return false;
  return verifyDer(crl.crl.tbsView, signature.valueBlock.valueHexView, issuer.publicKey);
}
