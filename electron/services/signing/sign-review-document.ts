import { eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { userCertificates, users } from '../../../db/schema';
import { toMinskIso } from '../../../shared/calendar';
import { AppError } from '../../../shared/errors';
import { assertReviewAllowed, type ReviewAction, type SignatureRecord } from '../../../shared/review';
import type { SignedDocument } from '../../../shared/signing/schema';
import { organisationOf } from '../appeals/save-appeal';
import { requireUser } from '../auth/auth-service';
import type { CallContext } from '../context';
import { performReview } from '../review/perform-review';
import { factsOf, loadReviewRows } from '../review/review-facts';
import { recordUserEvent } from '../security/record-event';
import { verifyDetached } from './cms/verify';
import { certificateFingerprint } from './pki/certificate';
import { type CertificateInfo, type ProviderId, SigningError } from './provider';
import { documentToSign } from './signed-documents';
import type { SigningKit } from './signing-kit';

export interface SignInput {
  appealId: string;
  expectedVersion: number | null;
  document: SignedDocument;
  provider: ProviderId;
  certificateId: string;
  /** The software key file's password; hardware tokens ask for their PIN in their own dialog. */
  password?: string;
}

const normalName = (s: string) => s.toLocaleLowerCase('ru').replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();

export function signingKit(ctx: CallContext): SigningKit {
  if (!ctx.signing) throw new AppError('SIGNING_TOKEN_ABSENT', 'Подпись ЭЦП на этом рабочем месте не настроена');
  return ctx.signing;
}

/**
 * Why this user may not sign with this certificate, or null: the certificate must name the user (its
 * subject is the signer's full name) and must not be bound to another user already — a signature made
 * with one user's key can never be attached as another's.
 */
export function certificateRefusal(
  ctx: CallContext,
  userId: string,
  fullName: string,
  cert: CertificateInfo,
): string | null {
  if (normalName(cert.subject) !== normalName(fullName))
    return `Сертификат выдан на «${cert.subject}», а в систему вошёл(ла) ${fullName}`;
  const bound = ctx.store.db
    .select({ userId: userCertificates.userId, name: users.fullName })
    .from(userCertificates)
    .leftJoin(users, eq(users.id, userCertificates.userId))
    .where(eq(userCertificates.certSha256, certificateFingerprint(cert.der)))
    .get();
  if (bound && bound.userId !== userId)
    return `Сертификат закреплён за другим пользователем (${bound.name ?? bound.userId})`;
  if (Date.parse(cert.notAfter) < ctx.clock().getTime()) return 'Срок действия сертификата истёк';
  return null;
}

/** A provider's SigningError as the API's AppError (`details.code` keeps the provider's code). */
export function toAppError(err: unknown): unknown {
  if (!(err instanceof SigningError)) return err;
  return new AppError(err.code === 'TOKEN_ABSENT' ? 'SIGNING_TOKEN_ABSENT' : 'SIGNING_FAILED', err.message, {
    code: err.code,
  });
}

/**
 * `signing:sign` (issue «ЭЦП»): the deputy/head signs a summary result (which executes the resolution
 * [4.5, 5.2]), an answer or a decision. Checks the permission, builds the exact document text, signs it
 * with the chosen provider and certificate (asynchronously — the UI stays responsive; one signing per
 * token is the provider's queue), verifies the produced signature in software against the configured
 * roots, and only then stores the document and the .p7s with the action in one transaction.
 */
export async function signReviewDocument(ctx: CallContext, input: SignInput) {
  requireUser(ctx);
  const subject = { appealId: input.appealId, document: input.document.kind, provider: input.provider };
  try {
    const done = await signAndStore(ctx, input);
    recordUserEvent(ctx, 'signing', 'success', { ...subject, signatureId: done.signatureId });
    return done;
  } catch (err) {
    // Issue #10: failed signings are security events too (wrong key password, foreign certificate, …).
    const code = err instanceof AppError ? err.code : 'INTERNAL';
    recordUserEvent(ctx, 'signing', 'failure', { ...subject, code });
    throw err;
  }
}

async function signAndStore(ctx: CallContext, input: SignInput) {
  const user = requireUser(ctx);
  const kit = signingKit(ctx);
  const { db } = ctx.store;
  const rows = loadReviewRows(db, input.appealId);
  const target =
    input.document.kind === 'summary'
      ? { type: 'signSummary' as const, resolutionId: input.document.resolutionId }
      : { type: 'signDocument' as const, dispatchId: input.document.dispatchId };
  assertReviewAllowed(factsOf(rows), user, target);
  if (input.expectedVersion !== null && input.expectedVersion !== rows.row.version)
    throw new AppError('CONFLICT', 'Карточку уже изменил другой пользователь — обновите её и повторите');
  const document = documentToSign(db, rows, input.document, organisationOf(db).name);

  const now = ctx.clock();
  let p7s: Uint8Array;
  let cert: CertificateInfo;
  try {
    const found = (await kit.registry.get(input.provider).listCertificates()).find((c) => c.id === input.certificateId);
    if (!found) throw new AppError('NOT_FOUND', 'Сертификат не найден: ключ извлечён или файл ключа удалён');
    cert = found;
    const refusal = certificateRefusal(ctx, user.id, user.fullName, cert);
    if (refusal) throw new AppError('NOT_ALLOWED', refusal);
    p7s = await kit.registry.signDetached(cert, document.bytes, { password: input.password, signingTime: now });
  } catch (err) {
    throw toAppError(err);
  }
  // Every produced signature is verified in software before it is stored.
  const check = verifyDetached(document.bytes, p7s, { ...kit.trust(), at: now });
  if (!check.valid || check.signer?.serialNumber !== cert.serialNumber)
    throw new AppError(
      'SIGNING_FAILED',
      `Подпись не прошла проверку: ${check.reason ?? 'подписан другой сертификат'}`,
      {
        code: check.code,
      },
    );

  const signature: SignatureRecord = {
    id: uuidv7(),
    certificate: {
      subject: cert.subject,
      issuer: cert.issuer,
      serialNumber: cert.serialNumber,
      notAfter: cert.notAfter,
      sha256: certificateFingerprint(cert.der),
    },
    signedAt: toMinskIso(now),
    development: cert.development,
    documentFile: { sha256: ctx.files.put(document.bytes), name: document.name },
    p7sFile: { sha256: ctx.files.put(p7s), name: `${document.name}.p7s` },
  };
  const action: ReviewAction =
    input.document.kind === 'summary'
      ? { type: 'signSummary', resolutionId: input.document.resolutionId, signature }
      : {
          type: 'signDocument',
          document: { kind: input.document.kind, dispatchId: input.document.dispatchId },
          signature,
        };
  const done = performReview(ctx, { appealId: input.appealId, expectedVersion: input.expectedVersion, action });
  return { ...done, signatureId: signature.id };
}
