import type { SignatureView } from '../../../shared/signing/schema';
import type { CallContext } from '../context';
import type { ReviewRows } from '../review/review-facts';
import { verifyDetached } from './cms/verify';
import type { TrustStore } from './pki/trust-store';

type SignatureRow = ReviewRows['signatureRows'][number];

/** Checks one stored signature again (files present, CMS, chain to today's roots at its signing time). */
function check(
  trust: TrustStore | null,
  s: SignatureRow,
  document: Uint8Array | null,
  p7s: Uint8Array | null,
): { valid: boolean; reason: string } {
  if (!document || !p7s) return { valid: false, reason: 'Файлы подписи ещё не получены с центрального сервера' };
  if (!trust) return { valid: false, reason: 'Проверка подписи на этом рабочем месте не настроена' };
  const result = verifyDetached(document, p7s, { ...trust, at: new Date(s.signedAt) });
  return result.valid
    ? { valid: true, reason: s.development ? 'Подпись верна (ключ разработчика)' : 'Подпись верна' }
    : { valid: false, reason: result.reason ?? 'Подпись неверна' };
}

/** The card's signatures, each verified again when shown (issue «ЭЦП»). */
export function signatureViews(ctx: CallContext, rows: readonly SignatureRow[]): SignatureView[] {
  if (rows.length === 0) return [];
  // The roots folder is read once per card, not once per signature.
  const trust = ctx.signing?.trust() ?? null;
  const bytesOf = (sha256: string) => (ctx.files.has(sha256) ? ctx.files.read(sha256) : null);
  return rows.map((s) => {
    const document = bytesOf(s.documentSha256);
    const p7s = bytesOf(s.p7sSha256);
    return {
      id: s.id,
      document:
        s.documentKind === 'summary'
          ? { kind: 'summary', resolutionId: s.documentId }
          : { kind: s.documentKind === 'answer' ? 'answer' : 'decision', dispatchId: s.documentId },
      signer: { userId: s.userId, name: s.signerName },
      certificate: {
        subject: s.certSubject,
        issuer: s.certIssuer,
        serialNumber: s.certSerial,
        notAfter: s.certNotAfter,
      },
      signedAt: new Date(s.signedAt).toISOString(),
      development: s.development,
      ...check(trust, s, document, p7s),
      documentFile: { sha256: s.documentSha256, name: s.documentName, size: document?.length ?? 0 },
      p7sFile: { sha256: s.p7sSha256, name: s.p7sName, size: p7s?.length ?? 0 },
    };
  });
}
