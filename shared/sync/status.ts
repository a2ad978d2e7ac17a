import { z } from 'zod';

/** What the workstation shows about sync: the indicator and the "needs attention" list. */
export const syncStatusSchema = z.object({
  configured: z.boolean(),
  online: z.boolean(),
  lastSyncAt: z.string().nullable(),
  lastError: z.string().nullable(),
  pending: z.number(),
  rejected: z.array(
    z.object({
      commandId: z.string(),
      type: z.string(),
      /** ReviewAction: the review action type (shared/review REVIEW_ACTION_NAMES), else null. */
      action: z.string().nullable(),
      appealId: z.string().nullable(),
      regNumber: z.string().nullable(),
      reason: z.object({ code: z.string(), message: z.string() }),
      at: z.string(),
    }),
  ),
});
export type SyncStatusView = z.infer<typeof syncStatusSchema>;
