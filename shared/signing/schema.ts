import { z } from 'zod';

/**
 * ЭЦП in the review process (issue «ЭЦП», design.md "Signing"): what a deputy/head signs — the summary
 * result of a resolution (signing it executes the resolution [4.5, 5.2]), an answer to the applicant,
 * or a decision (the notice of leaving without consideration) — and how a stored signature is shown.
 */
export const SIGNED_DOCUMENT_KINDS = ['summary', 'answer', 'decision'] as const;
export type SignedDocumentKind = (typeof SIGNED_DOCUMENT_KINDS)[number];

export const signedDocumentSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('summary'), resolutionId: z.string().min(1).max(64) }),
  z.object({ kind: z.literal('answer'), dispatchId: z.string().min(1).max(64) }),
  z.object({ kind: z.literal('decision'), dispatchId: z.string().min(1).max(64) }),
]);
export type SignedDocument = z.infer<typeof signedDocumentSchema>;

export const PROVIDER_IDS = ['avest', 'ntclient', 'software'] as const;

export const certificateChoiceSchema = z.object({
  id: z.string(),
  provider: z.enum(PROVIDER_IDS),
  subject: z.string(),
  issuer: z.string(),
  serialNumber: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  /** A development key of the software store: labelled so on every screen. */
  development: z.boolean(),
  /** Null when the caller may sign with it; else why not (another user's, expired, …), in Russian. */
  unusableReason: z.string().nullable(),
});
export type CertificateChoice = z.infer<typeof certificateChoiceSchema>;

export const signingChoicesSchema = z.object({
  providers: z.array(
    z.object({ provider: z.enum(PROVIDER_IDS), label: z.string(), available: z.boolean(), message: z.string() }),
  ),
  certificates: z.array(certificateChoiceSchema),
});

/** A signature stored with the card, verified again when shown. */
export const signatureViewSchema = z.object({
  id: z.string(),
  document: signedDocumentSchema,
  signer: z.object({ userId: z.string(), name: z.string() }),
  certificate: z.object({ subject: z.string(), issuer: z.string(), serialNumber: z.string(), notAfter: z.string() }),
  signedAt: z.string(),
  development: z.boolean(),
  valid: z.boolean(),
  /** Russian: why it is not valid (or what the check said). */
  reason: z.string(),
  /** The signed document (text) and the detached CMS (.p7s) in the attachment store. */
  documentFile: z.object({ sha256: z.string(), name: z.string(), size: z.number() }),
  p7sFile: z.object({ sha256: z.string(), name: z.string(), size: z.number() }),
});
export type SignatureView = z.infer<typeof signatureViewSchema>;
