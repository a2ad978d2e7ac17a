import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { inTransaction } from '../../../db/open';
import { users } from '../../../db/schema';
import type { User } from '../../../shared/appeals/schema';
import { AppError } from '../../../shared/errors';
import { loadUser, lockedError } from '../auth/auth-service';
import type { CallContext, Session } from '../context';
import { settleAttempt } from '../security/attempts';
import { isLocked } from '../security/lockout';
import { recordSecurityEvent, workstationOf } from '../security/record-event';
import { verifyDetached } from '../signing/cms/verify';
import { type CertificateInfo, type ProviderId, SigningError, type SigningErrorCode } from '../signing/provider';
import { signingKit, toAppError } from '../signing/sign-review-document';
import { certificateChoices } from '../signing/signing-choices';
import { bindingOf } from './bindings';

/**
 * «Войти по ЭЦП» (issue #10, optional login with the certificate). The service issues a random
 * single-use challenge bound to the caller's session; the provider signs it with the token (PIN or
 * development key password, as for signing); the signature is verified in software (bign, belt-hash)
 * with the certificate chain, validity and CRLs of `<data>/pki/roots` exactly as signatures are; the
 * certificate is mapped to the account the administrator bound it to (bindings.ts); and the account's
 * rules apply as for a password: a disabled account is refused, a locked one too, every failure counts
 * towards the lockout and every attempt is a «Вход по ЭЦП» entry of the security log.
 */

export const CHALLENGE_TTL_MS = 2 * 60_000;
/** Open challenges kept per session (older ones are dropped). */
const MAX_OPEN = 5;
const TYPE = 'login-certificate' as const;

interface ChallengeBook {
  open: Map<string, { bytes: Uint8Array; expiresAt: number }>;
  used: Set<string>;
}
const books = new WeakMap<Session, ChallengeBook>();

function bookOf(session: Session): ChallengeBook {
  let book = books.get(session);
  if (!book) {
    book = { open: new Map(), used: new Set() };
    books.set(session, book);
  }
  return book;
}

/** The bytes the token signs: domain-separated, so a login challenge never reads as a document. */
function challengeText(ctx: CallContext, nonce: string, at: Date): Uint8Array {
  const { host } = workstationOf(ctx);
  return new TextEncoder().encode(
    `АРМ делопроизводителя: вход по ЭЦП\nзапрос: ${nonce}\nрабочее место: ${host}\nвремя: ${at.toISOString()}\n`,
  );
}

/** A fresh challenge for this session (the certificate itself is chosen afterwards). */
export function issueChallenge(ctx: CallContext): { challengeId: string; bytes: Uint8Array; expiresAt: string } {
  const book = bookOf(ctx.session);
  const now = ctx.clock();
  const challengeId = randomBytes(16).toString('hex');
  const bytes = challengeText(ctx, randomBytes(32).toString('hex'), now);
  const expiresAt = now.getTime() + CHALLENGE_TTL_MS;
  book.open.set(challengeId, { bytes, expiresAt });
  for (const id of [...book.open.keys()].slice(0, Math.max(0, book.open.size - MAX_OPEN))) book.open.delete(id);
  return { challengeId, bytes, expiresAt: new Date(expiresAt).toISOString() };
}

/** `auth:certificateChallenge`: the challenge and this machine's certificates, unbound ones marked. */
export async function certificateChallenge(ctx: CallContext) {
  const { challengeId, expiresAt } = issueChallenge(ctx);
  const choices = await certificateChoices(signingKit(ctx), (c) =>
    bindingOf(ctx, c) ? null : 'Сертификат не привязан ни к одной учётной записи — обратитесь к администратору',
  );
  return { ...choices, challengeId, expiresAt };
}

function logFailure(ctx: CallContext, login: string, userId: string | null, details: Record<string, unknown>) {
  inTransaction(ctx.store.sqlite, () =>
    recordSecurityEvent(ctx, { type: TYPE, login, userId, result: 'failure', details }),
  );
}

/** Takes the challenge out of the session: each is used once, within CHALLENGE_TTL_MS. */
export function takeChallenge(ctx: CallContext, challengeId: string): Uint8Array {
  const book = bookOf(ctx.session);
  const open = book.open.get(challengeId);
  book.open.delete(challengeId);
  const refuse = (reason: 'replayed' | 'unknown' | 'expired', message: string) => {
    logFailure(ctx, '', null, { reason: `challenge-${reason}` });
    return new AppError('CERT_LOGIN_CHALLENGE_INVALID', message, { reason });
  };
  if (book.used.has(challengeId)) throw refuse('replayed', 'Этот запрос на вход уже использован. Начните вход заново.');
  if (!open) throw refuse('unknown', 'Запрос на вход не найден. Начните вход заново.');
  book.used.add(challengeId);
  if (open.expiresAt <= ctx.clock().getTime()) {
    throw refuse('expired', 'Время на вход по ЭЦП истекло. Начните вход заново.');
  }
  return open.bytes;
}

/** Provider failures that are no attempt at all (nothing was signed): logged, not counted. */
const NOT_AN_ATTEMPT = new Set<SigningErrorCode>([
  'CLIENT_NOT_INSTALLED',
  'TOKEN_ABSENT',
  'CANCELLED',
  'BUSY',
  'TIMEOUT',
  'PROVIDER_FAILED',
]);
const CERTIFICATE_CODES = new Set<string>([
  'CERT_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_REVOKED',
  'CERT_UNTRUSTED',
  'KEY_USAGE',
]);

function certificateInvalid(code: string, reason: string): AppError {
  return new AppError('CERT_LOGIN_CERTIFICATE_INVALID', `Вход по ЭЦП невозможен: ${reason}`, { code });
}

/** Signs the challenge and checks the result; the failure (typed) or null. */
async function proveKey(
  ctx: CallContext,
  challenge: Uint8Array,
  binding: { serialNumber: string; issuer: string },
  sign: (data: Uint8Array) => Promise<Uint8Array>,
): Promise<{ failure: AppError; reason: string } | null> {
  let p7s: Uint8Array;
  try {
    p7s = await sign(challenge);
  } catch (err) {
    if (!(err instanceof SigningError)) throw err;
    if (CERTIFICATE_CODES.has(err.code))
      return { failure: certificateInvalid(err.code, err.message), reason: err.code };
    return { failure: toAppError(err) as AppError, reason: err.code };
  }
  const check = verifyDetached(challenge, p7s, { ...signingKit(ctx).trust(), at: ctx.clock() });
  if (!check.valid) {
    const reason = check.reason ?? check.code;
    if (CERTIFICATE_CODES.has(check.code))
      return { failure: certificateInvalid(check.code, reason), reason: check.code };
    return {
      failure: new AppError('CERT_LOGIN_SIGNATURE_INVALID', `Подпись запроса на вход не прошла проверку: ${reason}`, {
        code: check.code,
      }),
      reason: check.code,
    };
  }
  if (check.signer?.serialNumber !== binding.serialNumber || check.signer.issuer !== binding.issuer) {
    return {
      failure: new AppError('CERT_LOGIN_SIGNATURE_INVALID', 'Запрос на вход подписан другим сертификатом', {
        code: 'OTHER_CERTIFICATE',
      }),
      reason: 'OTHER_CERTIFICATE',
    };
  }
  return null;
}

/**
 * The login once the challenge is taken: maps the certificate to its account, refuses disabled and
 * locked accounts, has `sign` sign the challenge, verifies it and settles the attempt like a password.
 */
export async function completeCertificateLogin(
  ctx: CallContext,
  challenge: Uint8Array,
  cert: CertificateInfo,
  sign: (data: Uint8Array) => Promise<Uint8Array>,
): Promise<User> {
  const details = { certificate: cert.subject, serialNumber: cert.serialNumber, issuer: cert.issuer };
  const binding = bindingOf(ctx, cert);
  const row = binding ? ctx.store.db.select().from(users).where(eq(users.id, binding.userId)).get() : undefined;
  if (!binding || !row) {
    logFailure(ctx, '', null, { ...details, reason: 'not-bound' });
    throw new AppError(
      'CERT_LOGIN_NOT_BOUND',
      'Сертификат не привязан ни к одной учётной записи. Обратитесь к администратору или войдите по паролю.',
    );
  }
  if (row.disabled) {
    logFailure(ctx, row.login, row.id, { ...details, reason: 'disabled' });
    throw new AppError('NOT_AUTHENTICATED', 'Учётная запись отключена администратором');
  }
  const attempt = { login: row.login, userId: row.id, type: TYPE, details };
  // A locked account is refused before the token is asked for its PIN.
  if (isLocked(row, ctx.clock().getTime())) {
    const outcome = settleAttempt(ctx, { ...attempt, passwordOk: false });
    if (outcome.kind === 'locked') throw lockedError(outcome);
  }
  let proof: Awaited<ReturnType<typeof proveKey>>;
  try {
    proof = await proveKey(ctx, challenge, binding, sign);
  } catch (err) {
    logFailure(ctx, row.login, row.id, { ...details, reason: 'internal' });
    throw err;
  }
  const failureCode = proof?.failure.details && (proof.failure.details as { code?: string }).code;
  if (proof && failureCode && NOT_AN_ATTEMPT.has(failureCode as SigningErrorCode)) {
    logFailure(ctx, row.login, row.id, { ...details, reason: proof.reason });
    throw proof.failure;
  }
  const outcome = settleAttempt(ctx, {
    ...attempt,
    passwordOk: proof === null,
    ...(proof ? { failureReason: proof.reason } : {}),
  });
  if (outcome.kind === 'locked') throw lockedError(outcome);
  if (proof) throw proof.failure;
  const user = loadUser(ctx, row.id);
  if (!user) throw new AppError('NOT_AUTHENTICATED', 'Учётная запись не найдена');
  ctx.session.user = user;
  ctx.session.mustChangePassword = row.mustChangePassword;
  return user;
}

/** `auth:certificateLogin`: the chosen certificate of this machine signs the session's challenge. */
export async function certificateLogin(
  ctx: CallContext,
  input: { challengeId: string; provider: ProviderId; certificateId: string; password?: string },
): Promise<User> {
  const challenge = takeChallenge(ctx, input.challengeId);
  const kit = signingKit(ctx);
  let cert: CertificateInfo | undefined;
  try {
    cert = (await kit.registry.get(input.provider).listCertificates()).find((c) => c.id === input.certificateId);
  } catch (err) {
    throw toAppError(err);
  }
  if (!cert) throw new AppError('NOT_FOUND', 'Сертификат не найден: ключ извлечён или файл ключа удалён');
  const chosen = cert;
  return completeCertificateLogin(ctx, challenge, chosen, (data) =>
    kit.registry.signDetached(chosen, data, { password: input.password, signingTime: ctx.clock() }),
  );
}
