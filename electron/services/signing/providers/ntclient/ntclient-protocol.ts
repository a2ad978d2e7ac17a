/**
 * The loopback protocol of the local identification client («клиент идентификации», NT Client
 * Software — the program that serves the ID card reader on the workstation).
 *
 * ASSUMED, NOT PUBLISHED: we found no public specification of this client's local API (port,
 * paths, JSON). This module is our model of it, kept in one place so the real one can replace it:
 * a JSON API under `/api/v1` on 127.0.0.1; the PIN is entered in the client's own window; errors
 * come as `{ "error": { "code", "message" } }` with a non-2xx status. Everything is validated with
 * zod and unknown fields are ignored.
 */

import { z } from 'zod';

/** Where we look for the client unless configured (`ntclient.baseUrl` / NTCLIENT_URL): an assumption. */
export const NTCLIENT_DEFAULT_URL = 'http://127.0.0.1:8083';

/** Signing modes the client may offer. */
export const NTCLIENT_CAPABILITIES = {
  /** POST /sign → detached CMS SignedData built by the client. */
  signCms: 'sign-cms-detached',
  /** POST /sign-hash → a bare bign signature of a belt-hash value (we build the CMS). */
  signHash: 'sign-hash',
} as const;

export const statusSchema = z.object({
  product: z.string().optional(),
  version: z.string().optional(),
  card: z.object({ present: z.boolean(), reader: z.string().optional() }),
  capabilities: z.array(z.string()).default([]),
});
export type NtClientStatus = z.infer<typeof statusSchema>;

const base64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64');

export const certificatesSchema = z.object({
  certificates: z.array(z.object({ id: z.string().min(1), certificate: base64, label: z.string().optional() })),
});

export const signResponseSchema = z.object({ signature: base64 });

export const errorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string().optional(), attemptsLeft: z.number().int().optional() }),
});

export interface SignRequestBody {
  certificateId: string;
  /** The document, base64. */
  data: string;
  format: 'cms-detached';
  signingTime: string;
}

export interface SignHashRequestBody {
  certificateId: string;
  /** belt-hash of the DER of the signed attributes, base64 (32 bytes). */
  hash: string;
  /** bign-with-hbelt. */
  algorithm: '1.2.112.0.2.0.34.101.45.12';
}

/** The client's error codes (assumed) → what the clerk is told. */
export const NTCLIENT_ERROR_CODES = [
  'CARD_ABSENT',
  'READER_ABSENT',
  'CERT_NOT_FOUND',
  'PIN_INVALID',
  'PIN_BLOCKED',
  'CANCELLED',
  'CERT_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_REVOKED',
  'BUSY',
  'ALGORITHM_UNSUPPORTED',
  'INTERNAL',
] as const;
