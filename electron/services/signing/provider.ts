/**
 * ЭЦП (design.md "Signing"): every way of signing is a `SignatureProvider` — detect → list
 * certificates → sign detached CMS SignedData over the document's bytes. The workstation verifies every
 * produced signature in software (shared/crypto bign + belt-hash) before it stores it.
 */

/** Why signing cannot go on, in terms the clerk can act on (mapped from each provider's own codes). */
export const SIGNING_ERROR_CODES = [
  'CLIENT_NOT_INSTALLED',
  'TOKEN_ABSENT',
  'WRONG_PIN',
  'PIN_LOCKED',
  'CANCELLED',
  'CERT_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_REVOKED',
  'KEY_USAGE',
  'ALGORITHM_UNSUPPORTED',
  'TIMEOUT',
  'BUSY',
  'PROVIDER_FAILED',
] as const;
export type SigningErrorCode = (typeof SIGNING_ERROR_CODES)[number];

/** A signing failure with a Russian message that says what to do («вставьте ключ», …). */
export class SigningError extends Error {
  constructor(
    readonly code: SigningErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'SigningError';
  }
}

export type ProviderId = 'avest' | 'ntclient' | 'software';

export interface ProviderStatus {
  provider: ProviderId;
  available: boolean;
  /** Why not, when not available. */
  code?: SigningErrorCode;
  /** Russian, for the clerk: «Не установлен клиент AVEST», «Не вставлен ключ», … */
  message: string;
}

export interface CertificateInfo {
  /** Stable within the provider (e.g. hex of the certificate's sha-256 or the token's key id). */
  id: string;
  provider: ProviderId;
  /** The owner's name as in the certificate's subject (CN, or surname + given name). */
  subject: string;
  issuer: string;
  serialNumber: string;
  notBefore: string;
  notAfter: string;
  /** DER of the X.509 certificate. */
  der: Uint8Array;
  /** The software key store's keys are development keys: every screen labels them so. */
  development: boolean;
}

export interface SignOptions {
  /** Only the software provider uses it (its key file's password); AVEST asks for the PIN in its own dialog. */
  password?: string;
  /** The signing time to put into the signed attributes (defaults to now). */
  signingTime?: Date;
}

export interface SignatureProvider {
  readonly id: ProviderId;
  /** Russian name for the certificate choice («AVEST — ключевой носитель», «Ключ разработчика»). */
  readonly label: string;
  detect(): Promise<ProviderStatus>;
  listCertificates(): Promise<CertificateInfo[]>;
  /** Detached CMS SignedData (DER) over `data` with the certificate `certificateId`. Throws SigningError. */
  signDetached(certificateId: string, data: Uint8Array, options?: SignOptions): Promise<Uint8Array>;
}
