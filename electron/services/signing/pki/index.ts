/** X.509 with bign keys: certificates, CRLs, path validation, trust store, issuing (tests, development). */
export { BIGN_PUBLIC_KEY_BYTES, signDer, verifyDer } from './bign';
export {
  certificateFingerprint,
  isIssuedBy,
  type ParsedCertificate,
  parseCertificate,
  sameName,
  toCertificateInfo,
} from './certificate';
export { type ChainResult, type TrustAnchors, validateChain } from './chain';
export { type Failure, type FailureCode, PkiError, VERIFY_CODES, type VerifyCode } from './codes';
export { CRL_REASON_RU, CRL_REASONS, type CrlReason, type ParsedCrl, parseCrl } from './crl';
export { CERTIFICATE_LABELS, CMS_LABELS, CRL_LABELS, derBlocks } from './der';
export {
  createDevelopmentPki,
  type DevelopmentCertificateRequest,
  type DevelopmentPki,
  developmentCertificateIssuer,
} from './dev-pki';
export { type BasicConstraints, KEY_USAGE_BITS, type KeyUsageName } from './extensions';
export {
  type CertificateTemplate,
  type IssuedCertificate,
  issueCertificate,
  issueCertificateForKey,
  issueRootCa,
  keyIdentifier,
} from './issue';
export { type CrlTemplate, issueCrl, type Revocation } from './issue-crl';
export { authorityName, buildName, displayName, formatName, type NameSpec } from './names';
export { loadTrustStore, readCertificates, readCrls, sortCertificates, type TrustStore } from './trust-store';
