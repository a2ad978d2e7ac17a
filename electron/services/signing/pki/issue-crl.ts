/** Issuing v2 CRLs (RFC 5280 5.1) signed with bign-with-hbelt — for tests and the development PKI. */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { bignWithHbelt, signDer } from './bign';
import type { ParsedCertificate } from './certificate';
import { CRL_REASONS, type CrlReason } from './crl';
import { encode, positiveInteger } from './der';
import { authorityKeyIdExtension, extension } from './extensions';
import { type IssuedCertificate, keyIdentifier, serialBytes } from './issue';
import { OID_EXT_CRL_NUMBER, OID_EXT_CRL_REASON } from './oids';
import { x509Time } from './time';

export interface Revocation {
  /** The certificate, or its serial number in hex. */
  certificate: IssuedCertificate | ParsedCertificate | string;
  revokedAt: Date;
  reason?: CrlReason;
}

export interface CrlTemplate {
  revoked?: readonly Revocation[];
  /** Default: now. */
  thisUpdate?: Date;
  /** Default: thisUpdate + 7 days. */
  nextUpdate?: Date;
  /** cRLNumber, default 1. */
  number?: number;
}

function serialOf(certificate: Revocation['certificate']): asn1js.Integer {
  if (typeof certificate === 'string') return positiveInteger(serialBytes(certificate));
  const parsed = 'parsed' in certificate ? certificate.parsed : certificate;
  return new asn1js.Integer({ valueHex: parsed.certificate.serialNumber.valueBlock.valueHexView });
}

function revokedEntry(revocation: Revocation): pkijs.RevokedCertificate {
  const entry = new pkijs.RevokedCertificate({
    userCertificate: serialOf(revocation.certificate),
    revocationDate: x509Time(revocation.revokedAt),
  });
  if (revocation.reason !== undefined) {
    const reason = new asn1js.Enumerated({ value: CRL_REASONS.indexOf(revocation.reason) });
    entry.crlEntryExtensions = new pkijs.Extensions({
      extensions: [extension(OID_EXT_CRL_REASON, false, encode(reason))],
    });
  }
  return entry;
}

/** A v2 CRL (RFC 5280 5.1) signed by `issuer` with bign-with-hbelt, as DER. */
export function issueCrl(issuer: IssuedCertificate, template: CrlTemplate = {}): Uint8Array {
  const thisUpdate = template.thisUpdate ?? new Date();
  const nextUpdate = template.nextUpdate ?? new Date(thisUpdate.getTime() + 7 * 86_400_000);
  const revoked = template.revoked ?? [];
  const crl = new pkijs.CertificateRevocationList({
    version: 1,
    signature: bignWithHbelt(),
    issuer: issuer.parsed.certificate.subject,
    thisUpdate: x509Time(thisUpdate),
    nextUpdate: x509Time(nextUpdate),
    crlExtensions: new pkijs.Extensions({
      extensions: [
        authorityKeyIdExtension(keyIdentifier(issuer.keyPair.publicKey)),
        extension(OID_EXT_CRL_NUMBER, false, encode(new asn1js.Integer({ value: template.number ?? 1 }))),
      ],
    }),
    signatureAlgorithm: bignWithHbelt(),
  });
  // RFC 5280 5.1.2.6: no revokedCertificates at all when the list is empty.
  if (revoked.length > 0) crl.revokedCertificates = revoked.map(revokedEntry);
  // TBSCertList from the fields (encodeTBS is protected in pkijs's typings; toSchema(true) calls it).
  const tbsSchema = crl.toSchema(true).valueBlock.value[0];
  if (!tbsSchema) throw new Error('issueCrl: no TBSCertList');
  const tbs = encode(tbsSchema);
  crl.tbsView = tbs;
  crl.signatureValue = new asn1js.BitString({ valueHex: signDer(tbs, issuer.keyPair.privateKey) });
  return encode(crl.toSchema());
}
