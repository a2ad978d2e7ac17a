import { z } from 'zod';
import { userSchema } from '../appeals/schema';
import { PROVIDER_IDS, signingChoicesSchema } from '../signing/schema';

/** A certificate bound by the administrator to an account for «Войти по ЭЦП» (issue #10). */
export const certificateBindingSchema = z.object({
  userId: z.string(),
  login: z.string(),
  fullName: z.string(),
  subject: z.string(),
  issuer: z.string(),
  serialNumber: z.string(),
  notAfter: z.string(),
  /** Hex sha-256 of the certificate's DER: what the login maps to the account. */
  certSha256: z.string(),
  boundAt: z.string(),
});
export type CertificateBinding = z.infer<typeof certificateBindingSchema>;

const certificatePick = z.object({
  provider: z.enum(PROVIDER_IDS),
  certificateId: z.string().min(1).max(200),
});

/**
 * Login with the ЭЦП certificate (issue #10, optional) and the administrator's binding of certificates to
 * accounts. `certificates` list what the providers of this machine offer; `unusableReason` says why one
 * cannot be used (not bound; for binding: another person's, expired, bound elsewhere).
 */
export const certLoginChannels = {
  /** A fresh single-use challenge (valid 2 minutes) and the certificates of this machine. */
  'auth:certificateChallenge': {
    public: true,
    input: z.object({}),
    output: signingChoicesSchema.extend({ challengeId: z.string(), expiresAt: z.string() }),
  },
  /** Signs the challenge with the token (PIN / key password as for signing), verifies it, logs in. */
  'auth:certificateLogin': {
    public: true,
    input: certificatePick.extend({
      challengeId: z.string().min(1).max(64),
      password: z.string().max(200).optional(),
    }),
    output: userSchema,
  },
  /** Administrator: bindings and the certificates this machine offers for binding to `userId`. */
  'accounts:certificates': {
    public: false,
    input: z.object({ userId: z.string().max(64) }),
    output: signingChoicesSchema.extend({ bindings: z.array(certificateBindingSchema) }),
  },
  'accounts:bindCertificate': {
    public: false,
    input: certificatePick.extend({ userId: z.string().min(1).max(64) }),
    output: z.object({}),
  },
  'accounts:unbindCertificate': {
    public: false,
    input: z.object({ userId: z.string().min(1).max(64) }),
    output: z.object({}),
  },
} as const;
