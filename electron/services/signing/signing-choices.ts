import type { CertificateChoice } from '../../../shared/signing/schema';
import { requireUser } from '../auth/auth-service';
import type { CallContext } from '../context';
import type { CertificateInfo } from './provider';
import { certificateRefusal, signingKit } from './sign-review-document';
import type { SigningKit } from './signing-kit';

/**
 * `signing:choices`: every provider with its state («не установлен клиент», «не вставлен ключ», …) and
 * the certificates found, each with why the caller may not use it (someone else's, expired) or null.
 */
export async function signingChoices(ctx: CallContext) {
  const user = requireUser(ctx);
  return certificateChoices(signingKit(ctx), (c) => certificateRefusal(ctx, user.id, user.fullName, c));
}

/** The providers' states and their certificates, each with `unusableReason(c)` (null = may be chosen). */
export async function certificateChoices(kit: SigningKit, unusableReason: (c: CertificateInfo) => string | null) {
  const { certificates, statuses } = await kit.registry.listCertificates();
  const label = new Map(kit.registry.providers.map((p) => [p.id, p.label]));
  return {
    providers: statuses.map((s) => ({
      provider: s.provider,
      label: label.get(s.provider) ?? s.provider,
      available: s.available,
      message: s.message,
    })),
    certificates: certificates.map(
      (c): CertificateChoice => ({
        id: c.id,
        provider: c.provider,
        subject: c.subject,
        issuer: c.issuer,
        serialNumber: c.serialNumber,
        notBefore: c.notBefore,
        notAfter: c.notAfter,
        development: c.development,
        unusableReason: unusableReason(c),
      }),
    ),
  };
}
