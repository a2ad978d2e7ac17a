import { z } from 'zod';
import { inTransaction } from '../../../db/open';
import type { CertificateBinding } from '../../../shared/contract/cert-login-channels';
import { AppError } from '../../../shared/errors';
import { loadUser, requireUser } from '../auth/auth-service';
import type { CallContext } from '../context';
import { recordSecurityEvent } from '../security/record-event';
import { readSettingText, writeSetting } from '../settings-store';
import { certificateFingerprint } from '../signing/pki/certificate';
import type { CertificateInfo, ProviderId } from '../signing/provider';
import { certificateRefusal, signingKit } from '../signing/sign-review-document';
import { certificateChoices } from '../signing/signing-choices';

/**
 * The administrator's bindings of ЭЦП certificates to accounts for «Войти по ЭЦП» (issue #10). Kept as one
 * `settings` row (no schema change for an optional feature): the certificate's identity — sha-256 of its
 * DER, serial number and issuer — and what the screen shows. One certificate per account.
 */
export const BINDINGS_KEY = 'security.certificateLogins';

const storedSchema = z.array(
  z.object({
    userId: z.string(),
    certSha256: z.string(),
    subject: z.string(),
    issuer: z.string(),
    serialNumber: z.string(),
    notAfter: z.string(),
    boundAt: z.string(),
  }),
);
export type StoredBinding = z.infer<typeof storedSchema>[number];

export function readBindings(ctx: Pick<CallContext, 'store'>): StoredBinding[] {
  const text = readSettingText(ctx.store.db, BINDINGS_KEY);
  const parsed = text === null ? null : storedSchema.safeParse(JSON.parse(text));
  return parsed?.success ? parsed.data : [];
}

/** The binding of this certificate, found by its DER's fingerprint. */
export function bindingOf(ctx: Pick<CallContext, 'store'>, cert: Pick<CertificateInfo, 'der'>): StoredBinding | null {
  const sha = certificateFingerprint(cert.der);
  return readBindings(ctx).find((b) => b.certSha256 === sha) ?? null;
}

function targetUser(ctx: CallContext, userId: string) {
  const user = loadUser(ctx, userId);
  if (!user) throw new AppError('NOT_FOUND', 'Учётная запись не найдена');
  return user;
}

/** Why this certificate cannot be bound to the account: as for signing (the certificate names the person,
 * is not someone else's, has not expired), and not bound to another account for login. */
function bindingRefusal(ctx: CallContext, user: { id: string; fullName: string }, cert: CertificateInfo) {
  const other = bindingOf(ctx, cert);
  if (other && other.userId !== user.id) {
    const name = loadUser(ctx, other.userId)?.fullName ?? other.userId;
    return `Сертификат уже привязан к учётной записи ${name}`;
  }
  return certificateRefusal(ctx, user.id, user.fullName, cert);
}

/** `accounts:certificates`: every binding, and this machine's certificates as candidates for `userId`. */
export async function listCertificateBindings(ctx: CallContext, input: { userId: string }) {
  requireUser(ctx, 'admin');
  const user = targetUser(ctx, input.userId);
  const choices = await certificateChoices(signingKit(ctx), (c) => bindingRefusal(ctx, user, c));
  const bindings = readBindings(ctx).flatMap((b): CertificateBinding[] => {
    const owner = loadUser(ctx, b.userId);
    return owner ? [{ ...b, login: owner.login, fullName: owner.fullName }] : [];
  });
  return { ...choices, bindings };
}

/** `accounts:bindCertificate`: binds (or replaces) the account's login certificate; logged. */
export async function bindCertificate(
  ctx: CallContext,
  input: { userId: string; provider: ProviderId; certificateId: string },
): Promise<Record<string, never>> {
  const admin = requireUser(ctx, 'admin');
  const user = targetUser(ctx, input.userId);
  const listed = await signingKit(ctx).registry.get(input.provider).listCertificates();
  const cert = listed.find((c) => c.id === input.certificateId);
  if (!cert) throw new AppError('NOT_FOUND', 'Сертификат не найден: ключ извлечён или файл ключа удалён');
  const refusal = bindingRefusal(ctx, user, cert);
  if (refusal) throw new AppError('NOT_ALLOWED', refusal);
  const now = ctx.clock();
  const binding: StoredBinding = {
    userId: user.id,
    certSha256: certificateFingerprint(cert.der),
    subject: cert.subject,
    issuer: cert.issuer,
    serialNumber: cert.serialNumber,
    notAfter: cert.notAfter,
    boundAt: now.toISOString(),
  };
  inTransaction(ctx.store.sqlite, () => {
    const others = readBindings(ctx).filter((b) => b.userId !== user.id);
    writeSetting(ctx.store.db, BINDINGS_KEY, [...others, binding], now);
    recordSecurityEvent(ctx, {
      type: 'certificate-bound',
      login: user.login,
      userId: user.id,
      result: 'success',
      details: { by: admin.login, certificate: cert.subject, serialNumber: cert.serialNumber, issuer: cert.issuer },
    });
  });
  return {};
}

/** `accounts:unbindCertificate`: the account can no longer log in by ЭЦП; logged. */
export function unbindCertificate(ctx: CallContext, input: { userId: string }): Record<string, never> {
  const admin = requireUser(ctx, 'admin');
  const user = targetUser(ctx, input.userId);
  inTransaction(ctx.store.sqlite, () => {
    const all = readBindings(ctx);
    const removed = all.find((b) => b.userId === user.id);
    if (!removed) return;
    writeSetting(
      ctx.store.db,
      BINDINGS_KEY,
      all.filter((b) => b !== removed),
      ctx.clock(),
    );
    recordSecurityEvent(ctx, {
      type: 'certificate-unbound',
      login: user.login,
      userId: user.id,
      result: 'success',
      details: { by: admin.login, certificate: removed.subject, serialNumber: removed.serialNumber },
    });
  });
  return {};
}
