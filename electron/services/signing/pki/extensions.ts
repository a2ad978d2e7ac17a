/**
 * The certificate extensions the checks rely on (RFC 5280 4.2.1): keyUsage, basicConstraints, subject and
 * authority key identifiers — encoded for issued certificates and decoded strictly from untrusted ones
 * (a malformed extension makes the certificate malformed; pkijs would silently default it).
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { PkiError } from './codes';
import { encode, parseDer } from './der';
import { OID_EXT_AUTHORITY_KEY_ID, OID_EXT_BASIC_CONSTRAINTS, OID_EXT_KEY_USAGE, OID_EXT_SUBJECT_KEY_ID } from './oids';

/** KeyUsage bits in order (RFC 5280 4.2.1.3: digitalSignature is bit 0). */
export const KEY_USAGE_BITS = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
] as const;
export type KeyUsageName = (typeof KEY_USAGE_BITS)[number];

export interface BasicConstraints {
  ca: boolean;
  /** pathLenConstraint: how many intermediate CAs may follow this one; undefined = unlimited. */
  pathLength?: number;
}

/** An Extension with `value` (DER) as its extnValue. */
export function extension(extnID: string, critical: boolean, value: Uint8Array): pkijs.Extension {
  return new pkijs.Extension({ extnID, critical, extnValue: value.slice().buffer });
}

function malformed(what: string): PkiError {
  return new PkiError('MALFORMED', `Сертификат повреждён: неверное расширение ${what}`);
}

function extensionValue(bytes: Uint8Array, what: string): asn1js.AsnType {
  try {
    return parseDer(bytes, what);
  } catch {
    throw malformed(what);
  }
}

/** The key usages set in a KeyUsage BIT STRING. */
export function parseKeyUsage(extnValue: Uint8Array): Set<KeyUsageName> {
  const bits = extensionValue(extnValue, 'keyUsage');
  if (!(bits instanceof asn1js.BitString)) throw malformed('keyUsage');
  const bytes = bits.valueBlock.valueHexView;
  const usages = new Set<KeyUsageName>();
  KEY_USAGE_BITS.forEach((name, bit) => {
    if (((bytes[bit >> 3] ?? 0) & (0x80 >> (bit & 7))) !== 0) usages.add(name);
  });
  return usages;
}

/** keyUsage (critical) with DER's minimal BIT STRING: trailing zero bits dropped (X.690 11.2.2). */
export function keyUsageExtension(usages: readonly KeyUsageName[]): pkijs.Extension {
  if (usages.length === 0) throw new Error('keyUsage: at least one usage is required');
  const bytes = new Uint8Array(2);
  for (const usage of usages) {
    const bit = KEY_USAGE_BITS.indexOf(usage);
    bytes[bit >> 3] = (bytes[bit >> 3] ?? 0) | (0x80 >> (bit & 7));
  }
  const value = bytes[1] === 0 ? bytes.subarray(0, 1) : bytes;
  const last = value[value.length - 1] ?? 0;
  let unusedBits = 0;
  while (unusedBits < 7 && (last & (1 << unusedBits)) === 0) unusedBits++;
  const bitString = new asn1js.BitString({ valueHex: value, unusedBits });
  return extension(OID_EXT_KEY_USAGE, true, encode(bitString));
}

/** BasicConstraints ::= SEQUENCE { cA BOOLEAN DEFAULT FALSE, pathLenConstraint INTEGER (0..MAX) OPTIONAL }. */
export function parseBasicConstraints(extnValue: Uint8Array): BasicConstraints {
  const sequence = extensionValue(extnValue, 'basicConstraints');
  if (!(sequence instanceof asn1js.Sequence)) throw malformed('basicConstraints');
  const result: BasicConstraints = { ca: false };
  const items = sequence.valueBlock.value;
  let index = 0;
  const firstItem = items[index];
  if (firstItem instanceof asn1js.Boolean) {
    result.ca = firstItem.valueBlock.value;
    index++;
  }
  const next = items[index];
  if (next instanceof asn1js.Integer) {
    const length = next.valueBlock.valueDec;
    if (!Number.isSafeInteger(length) || length < 0) throw malformed('basicConstraints');
    result.pathLength = length;
    index++;
  }
  if (index !== items.length) throw malformed('basicConstraints');
  return result;
}

export function basicConstraintsExtension(constraints: BasicConstraints): pkijs.Extension {
  const value: asn1js.AsnType[] = [];
  if (constraints.ca) value.push(new asn1js.Boolean({ value: true })); // DER omits the DEFAULT FALSE
  if (constraints.pathLength !== undefined) value.push(new asn1js.Integer({ value: constraints.pathLength }));
  return extension(OID_EXT_BASIC_CONSTRAINTS, true, encode(new asn1js.Sequence({ value })));
}

/** SubjectKeyIdentifier ::= OCTET STRING. */
export function parseSubjectKeyId(extnValue: Uint8Array): Uint8Array {
  const octets = extensionValue(extnValue, 'subjectKeyIdentifier');
  if (!(octets instanceof asn1js.OctetString)) throw malformed('subjectKeyIdentifier');
  return Uint8Array.from(octets.valueBlock.valueHexView);
}

export function subjectKeyIdExtension(keyId: Uint8Array): pkijs.Extension {
  return extension(OID_EXT_SUBJECT_KEY_ID, false, encode(new asn1js.OctetString({ valueHex: keyId })));
}

/** AuthorityKeyIdentifier ::= SEQUENCE { keyIdentifier [0] IMPLICIT OCTET STRING OPTIONAL, … }: the key id. */
export function parseAuthorityKeyId(extnValue: Uint8Array): Uint8Array | undefined {
  const sequence = extensionValue(extnValue, 'authorityKeyIdentifier');
  if (!(sequence instanceof asn1js.Sequence)) throw malformed('authorityKeyIdentifier');
  for (const item of sequence.valueBlock.value) {
    if (item.idBlock.tagClass === 3 && item.idBlock.tagNumber === 0 && !item.idBlock.isConstructed) {
      return Uint8Array.from((item as asn1js.Primitive).valueBlock.valueHexView);
    }
  }
  return undefined;
}

export function authorityKeyIdExtension(keyId: Uint8Array): pkijs.Extension {
  const keyIdentifier = new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 0 }, valueHex: keyId });
  return extension(OID_EXT_AUTHORITY_KEY_ID, false, encode(new asn1js.Sequence({ value: [keyIdentifier] })));
}
