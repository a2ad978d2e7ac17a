import { z } from 'zod';
import {
  accountCreateSchema,
  accountSchema,
  accountStatusSchema,
  accountUpdateSchema,
  idleLockMinutesSchema,
  passwordInputSchema,
} from '../security/accounts';
import { securityLogFilterSchema } from '../security/schema';

/** The temporary password the administrator hands over: shown once, changed at the first login. */
const temporaryPassword = z.object({ temporaryPassword: z.string() });

/**
 * Accounts, password changes, the idle-lock setting and the log export (issue #10). `duringPasswordChange`
 * marks the channels a session that must change its password may still call (dispatch refuses the rest).
 */
export const accountsChannels = {
  'account:status': { public: false, duringPasswordChange: true, input: z.object({}), output: accountStatusSchema },
  /** The session user's own password; the first login's forced change goes through here too. */
  'account:changePassword': {
    public: false,
    duringPasswordChange: true,
    input: z.object({ currentPassword: passwordInputSchema, newPassword: passwordInputSchema }),
    output: z.object({}),
  },
  /** Administrator: «Пользователи». */
  'accounts:list': { public: false, input: z.object({}), output: z.object({ accounts: z.array(accountSchema) }) },
  'accounts:create': {
    public: false,
    input: accountCreateSchema,
    output: z.object({ id: z.string() }).merge(temporaryPassword),
  },
  'accounts:update': { public: false, input: accountUpdateSchema, output: z.object({}) },
  'accounts:setDisabled': {
    public: false,
    input: z.object({ id: z.string().max(64), disabled: z.boolean() }),
    output: z.object({}),
  },
  'accounts:resetPassword': { public: false, input: z.object({ id: z.string().max(64) }), output: temporaryPassword },
  'accounts:settings': { public: false, input: z.object({}), output: z.object({ idleLockMinutes: z.number() }) },
  'accounts:saveSettings': {
    public: false,
    input: z.object({ idleLockMinutes: idleLockMinutesSchema }),
    output: z.object({}),
  },
  /** Administrator: the filtered log as CSV (UTF-8 with BOM, `;`-separated for Excel); the export is logged. */
  'security:exportCsv': {
    public: false,
    input: securityLogFilterSchema,
    output: z.object({ fileName: z.string(), csv: z.string(), rows: z.number() }),
  },
} as const;
