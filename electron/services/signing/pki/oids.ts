/**
 * Object identifiers of the Belarusian profile of X.509 and CMS (STB 34.101.45 annex Д, STB 34.101.31,
 * STB 34.101.23) and the generic ones of RFC 5280 / RFC 5652 that the signing code reads or writes.
 */
import { BELT_HASH_OID, BIGN_CURVE256V1 } from '../../../../shared/crypto';

/** belt-hash (STB 34.101.31): the digest algorithm of every signature here. */
export const OID_BELT_HASH = BELT_HASH_OID;
/** bign-with-hbelt (STB 34.101.45): bign signature over a belt-hash value; parameters NULL (Д.2). */
export const OID_BIGN_WITH_HBELT = '1.2.112.0.2.0.34.101.45.12';
/** bign-with-hspec (STB 34.101.45): bign with the hash named in the parameters. */
export const OID_BIGN_WITH_HSPEC = '1.2.112.0.2.0.34.101.45.11';
/** bign-pubkey (STB 34.101.45): the algorithm of a bign SubjectPublicKeyInfo. */
export const OID_BIGN_PUBKEY = '1.2.112.0.2.0.34.101.45.2.1';
/** bign-curve256v1 (STB 34.101.45 table Б.1): the named curve in the bign-pubkey parameters. */
export const OID_BIGN_CURVE256V1 = BIGN_CURVE256V1.oid;

/** RFC 5652 content types and attributes. */
export const OID_DATA = '1.2.840.113549.1.7.1';
export const OID_SIGNED_DATA = '1.2.840.113549.1.7.2';
export const OID_ATTR_CONTENT_TYPE = '1.2.840.113549.1.9.3';
export const OID_ATTR_MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
export const OID_ATTR_SIGNING_TIME = '1.2.840.113549.1.9.5';

/** RFC 5280 extensions. */
export const OID_EXT_SUBJECT_KEY_ID = '2.5.29.14';
export const OID_EXT_KEY_USAGE = '2.5.29.15';
export const OID_EXT_PRIVATE_KEY_USAGE_PERIOD = '2.5.29.16';
export const OID_EXT_SUBJECT_ALT_NAME = '2.5.29.17';
export const OID_EXT_ISSUER_ALT_NAME = '2.5.29.18';
export const OID_EXT_BASIC_CONSTRAINTS = '2.5.29.19';
export const OID_EXT_CRL_NUMBER = '2.5.29.20';
export const OID_EXT_CRL_REASON = '2.5.29.21';
export const OID_EXT_CRL_DISTRIBUTION_POINTS = '2.5.29.31';
export const OID_EXT_CERTIFICATE_POLICIES = '2.5.29.32';
export const OID_EXT_AUTHORITY_KEY_ID = '2.5.29.35';
export const OID_EXT_EXT_KEY_USAGE = '2.5.29.37';
export const OID_EXT_AUTHORITY_INFO_ACCESS = '1.3.6.1.5.5.7.1.1';

/**
 * Certificate extensions this code understands or may safely ignore when critical (RFC 5280 4.2: a
 * certificate with any other critical extension must be rejected). Certificate policies are accepted
 * as "any policy": the workstation sets no initial policy.
 */
export const KNOWN_CRITICAL_EXTENSIONS: ReadonlySet<string> = new Set([
  OID_EXT_SUBJECT_KEY_ID,
  OID_EXT_KEY_USAGE,
  OID_EXT_PRIVATE_KEY_USAGE_PERIOD,
  OID_EXT_SUBJECT_ALT_NAME,
  OID_EXT_ISSUER_ALT_NAME,
  OID_EXT_BASIC_CONSTRAINTS,
  OID_EXT_CRL_DISTRIBUTION_POINTS,
  OID_EXT_CERTIFICATE_POLICIES,
  OID_EXT_AUTHORITY_KEY_ID,
  OID_EXT_EXT_KEY_USAGE,
  OID_EXT_AUTHORITY_INFO_ACCESS,
]);

/** X.520 name attributes, with the short names used to print a distinguished name. */
export const NAME_ATTRIBUTES = {
  commonName: { oid: '2.5.4.3', short: 'CN' },
  surname: { oid: '2.5.4.4', short: 'SN' },
  serialNumber: { oid: '2.5.4.5', short: 'serialNumber' },
  country: { oid: '2.5.4.6', short: 'C' },
  locality: { oid: '2.5.4.7', short: 'L' },
  stateOrProvince: { oid: '2.5.4.8', short: 'ST' },
  street: { oid: '2.5.4.9', short: 'street' },
  organization: { oid: '2.5.4.10', short: 'O' },
  organizationalUnit: { oid: '2.5.4.11', short: 'OU' },
  title: { oid: '2.5.4.12', short: 'title' },
  /** X.520 name: «Имя Отчество» in ГосСУОК certificates. */
  name: { oid: '2.5.4.41', short: 'name' },
  givenName: { oid: '2.5.4.42', short: 'GN' },
  email: { oid: '1.2.840.113549.1.9.1', short: 'E' },
} as const;
export type NameAttribute = keyof typeof NAME_ATTRIBUTES;
