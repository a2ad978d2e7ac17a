/**
 * The outcomes of checking a signature or a certificate, typed for the code and worded in Russian for
 * the clerk. The certificate codes have the names of the matching `SigningErrorCode`s (provider.ts).
 */
export const VERIFY_CODES = [
  'VALID',
  /** Not DER/BER of the expected structure, not a detached SignedData, or a broken certificate. */
  'MALFORMED',
  /** Not belt-hash / bign-with-hbelt / bign-curve256v1. */
  'ALGORITHM_UNSUPPORTED',
  /** The SignerInfo names a certificate the signature does not carry (and none was given). */
  'SIGNER_NOT_FOUND',
  /** The document differs from the signed one: messageDigest ≠ belt-hash(content). */
  'DIGEST_MISMATCH',
  /** bign-vfy fails: the signature was altered or made with another key. */
  'BAD_SIGNATURE',
  'CERT_NOT_YET_VALID',
  'CERT_EXPIRED',
  /** The signer's keyUsage lacks digitalSignature and nonRepudiation. */
  'KEY_USAGE',
  /** No chain to a configured trusted root (or a CA in it is not a CA). */
  'CERT_UNTRUSTED',
  'CERT_REVOKED',
  /** A configured CRL of the issuer does not verify against the issuer's key. */
  'CRL_INVALID',
] as const;
export type VerifyCode = (typeof VERIFY_CODES)[number];
export type FailureCode = Exclude<VerifyCode, 'VALID'>;

export interface Failure {
  code: FailureCode;
  /** Russian, for the clerk. */
  reason: string;
}

/** A check that cannot go on; caught by the verifiers and turned into `{ valid: false, code, reason }`. */
export class PkiError extends Error {
  constructor(
    readonly code: FailureCode,
    reason: string,
  ) {
    super(reason);
    this.name = 'PkiError';
  }
}

/** The failure an unexpected exception from the ASN.1 libraries stands for. */
export function failureOf(err: unknown): Failure {
  if (err instanceof PkiError) return { code: err.code, reason: err.message };
  const detail = err instanceof Error ? err.message : String(err);
  return { code: 'MALFORMED', reason: `Подпись повреждена или имеет неверный формат (${detail})` };
}
