import type { SignatureView } from '../../../shared/signing/schema';
import type { CallContext } from '../context';
import type { ReviewRows } from '../review/review-facts';
import { verifyDetached } from './cms/verify';

type SignatureRow = ReviewRows['signatureRows'][number];

/** Checks one stored signature again (files present, CMS, chain to today's roots at its signing time). */
function check(ctx: CallContext, s: SignatureRow): { valid: boolean; reason: string } {
  if (!ctx.files.has(s.documentSha256) || !ctx.files.has(s.p7sSha256))
    return { valid: false, reason: 'Файлы подписи ещё не получены с центрального сервера' };
  if (!ctx.signing) return { valid: false, reason: 'Проверка подписи на этом рабочем месте не настроена' };
  const result = verifyDetached(ctx.files.read(s.documentSha256), ctx.files.read(s.p7sSha256), {
    ...ctx.signing.trust(),
    at: new Date(s.signedAt),
  });
  return result.valid
    ? { valid: true, reason: s.development ? 'Подпись верна (ключ разработчика)' : 'Подпись верна' }
    : { valid: false, reason: result.reason ?? 'Подпись неверна' };
}

const sizeOf = (ctx: CallContext, sha256: string) => (ctx.files.has(sha256) ? ctx.files.read(sha256).length : 0);

/** The card's signatures, each verified again when shown (issue «ЭЦП»). */
export function signatureViews(ctx: CallContext, rows: readonly SignatureRow[]): SignatureView[] {
  return rows.map((s) => ({
    id: s.id,
    document:
      s.documentKind === 'summary'
        ? { kind: 'summary', resolutionId: s.documentId }
        : { kind: s.documentKind === 'answer' ? 'answer' : 'decision', dispatchId: s.documentId },
    signer: { userId: s.userId, name: s.signerName },
    certificate: { subject: s.certSubject, issuer: s.certIssuer, serialNumber: s.certSerial, notAfter: s.certNotAfter },
    signedAt: new Date(s.signedAt).toISOString(),
    development: s.development,
    ...check(ctx, s),
    documentFile: { sha256: s.documentSha256, name: s.documentName, size: sizeOf(ctx, s.documentSha256) },
    p7sFile: { sha256: s.p7sSha256, name: s.p7sName, size: sizeOf(ctx, s.p7sSha256) },
  }));
}
