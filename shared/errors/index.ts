/**
 * The closed list of API error codes (design.md, "The contract"). Every failed call returns one of
 * these; `message` is Russian for the clerk, `details` carries machine-readable specifics.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'NOT_ALLOWED',
  'NOT_AUTHENTICATED',
  'ACCOUNT_LOCKED',
  'CONFLICT',
  'NOT_FOUND',
  'ILLEGAL_TRANSITION',
  'TERM_EXPIRED',
  'BAD_INPUT',
  'SIGNING_TOKEN_ABSENT',
  'SIGNING_FAILED',
  'PASSWORD_CHANGE_REQUIRED',
  /** The data folder is encrypted and the key (or the passphrase that unwraps it) is missing or wrong. */
  'ENCRYPTION_KEY_INVALID',
  /** Browser mode started locked: every channel but `app:status` and `encryption:unlock` waits for the passphrase. */
  'DATABASE_LOCKED',
  /** «Войти по ЭЦП»: the certificate is bound to no account. */
  'CERT_LOGIN_NOT_BOUND',
  /** «Войти по ЭЦП»: the challenge's signature does not verify, or was made with another certificate. */
  'CERT_LOGIN_SIGNATURE_INVALID',
  /** «Войти по ЭЦП»: the certificate is expired, not yet valid, revoked or untrusted (`details.code`). */
  'CERT_LOGIN_CERTIFICATE_INVALID',
  /** «Войти по ЭЦП»: the challenge is unknown, expired or already used (`details.reason`). */
  'CERT_LOGIN_CHALLENGE_INVALID',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One broken validation rule. `field` is a dotted path into the input (e.g. `applicant.surname`). */
export interface ValidationIssue {
  field: string;
  /** Stable rule id, e.g. `required`, `script`, `latin-lookalike`, `too-long`, `file-type`. */
  rule: string;
  /** Russian, names the field and, where there is one, the offending character and its position. */
  message: string;
  /** The offending character, when the rule is about a character. */
  char?: string;
  /** 1-based position of the offending character in the value. */
  position?: number;
}

export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

/** Thrown by services; the hosts turn it into `{ ok: false, error }`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toBody(): ApiErrorBody {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export function validationError(issues: ValidationIssue[]): AppError {
  const first = issues[0];
  const message = first
    ? issues.length === 1
      ? first.message
      : `${first.message} (и ещё ошибок: ${issues.length - 1})`
    : 'Проверка не пройдена';
  return new AppError('VALIDATION_FAILED', message, { issues });
}
