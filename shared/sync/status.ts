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
  /** Changes from other workstations that could not be applied here (sync_state `unapplied_*`). */
  unapplied: z.array(
    z.object({
      key: z.string(),
      kind: z.enum(['registration', 'review', 'status']),
      /** The card when this workstation holds it. */
      appealId: z.string().nullable(),
      regNumber: z.string().nullable(),
      message: z.string(),
    }),
  ),
  /**
   * While a pull is running and the server told how much remains (`ChangesPage.remaining`): changes
   * received in this round and the round's total. `first`: the working copy had no cursor yet.
   */
  progress: z.object({ first: z.boolean(), done: z.number(), total: z.number() }).nullable(),
});
export type SyncStatusView = z.infer<typeof syncStatusSchema>;
