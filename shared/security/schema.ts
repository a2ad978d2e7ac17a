import { z } from 'zod';
import { ENCRYPTION_SECURITY_EVENT_TYPES } from '../encryption/schema';
import { DATA_SECURITY_EVENT_TYPES } from './data-events';

/** Event types of the security log (regulation 6.3). */
export const SECURITY_EVENT_TYPES = [
  'login',
  'login-certificate',
  'logout',
  'account-locked',
  'account-unlocked',
  'session-unlock',
  'account-created',
  'account-updated',
  'roles-changed',
  'account-disabled',
  'account-enabled',
  'password-reset',
  'password-changed',
  'settings-changed',
  'security-log-exported',
  'export',
  'signing',
  'certificate-bound',
  'certificate-unbound',
  ...DATA_SECURITY_EVENT_TYPES,
  ...ENCRYPTION_SECURITY_EVENT_TYPES,
] as const;
export type SecurityEventType = (typeof SECURITY_EVENT_TYPES)[number];
export type SecurityEventResult = 'success' | 'failure';

export const securityEventSchema = z.object({
  id: z.number(),
  /** ISO 8601 instant. */
  at: z.string(),
  type: z.string(),
  login: z.string(),
  userId: z.string().nullable(),
  workstation: z.string(),
  address: z.string(),
  result: z.enum(['success', 'failure']),
  details: z.record(z.string(), z.unknown()),
  prevHash: z.string(),
  hash: z.string(),
});
export type SecurityEvent = z.infer<typeof securityEventSchema>;

/** The result of walking the hash chain: the first broken link, if any. */
export const securityVerifySchema = z.union([
  z.object({ ok: z.literal(true), entries: z.number() }),
  z.object({ ok: z.literal(false), firstBrokenId: z.number(), reason: z.string() }),
]);
export type SecurityVerifyResult = z.infer<typeof securityVerifySchema>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Дата в формате ГГГГ-ММ-ДД');

/** Filters of the administrator's log viewer; dates are Minsk calendar days, both inclusive. */
export const securityLogFilterSchema = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  type: z.enum(SECURITY_EVENT_TYPES).optional(),
  /** Part of the account's login. */
  login: z.string().trim().max(100).optional(),
  result: z.enum(['success', 'failure']).optional(),
});
export type SecurityLogFilter = z.infer<typeof securityLogFilterSchema>;
