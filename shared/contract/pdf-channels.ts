import { z } from 'zod';
import { appealListQuerySchema } from '../appeals/schema';
import { vsedImportItemSchema } from '../vsed/answer-package';

const jobState = z.enum(['running', 'done', 'cancelled']);

/** Batch PDF export and the ВСЭД answer packages (issue #8, docs/vsed-package.md). */
export const pdfChannels = {
  /**
   * Starts exporting the selected appeals (ids, or everything the list's current filter shows) into a
   * folder (default `<data>/exports/<timestamp>`); returns at once with the job to poll.
   */
  'exportBatch:start': {
    public: false,
    input: z.object({
      ids: z.array(z.string().max(64)).max(100_000).optional(),
      filter: appealListQuerySchema.partial().optional(),
      outDir: z.string().max(1000).optional(),
      zip: z.boolean().default(false),
    }),
    output: z.object({ jobId: z.string(), total: z.number(), outDir: z.string() }),
  },
  'exportBatch:status': {
    public: false,
    input: z.object({ jobId: z.string().max(64) }),
    output: z.object({
      jobId: z.string(),
      state: jobState,
      total: z.number(),
      done: z.number(),
      exported: z.number(),
      failed: z.number(),
      outDir: z.string(),
      /** Per-appeal failures and attachments that could not be included as pages. */
      errors: z.array(z.object({ number: z.string().nullable(), id: z.string(), message: z.string() })),
      warnings: z.array(z.object({ number: z.string().nullable(), id: z.string(), message: z.string() })),
    }),
  },
  'exportBatch:cancel': {
    public: false,
    input: z.object({ jobId: z.string().max(64) }),
    output: z.object({}),
  },
  /**
   * Batches under `<data>/exports` that did not finish — the app was closed or crashed while exporting,
   * or the batch was cancelled (`cancelled`): each left its progress journal, `done` of `total` verified on disk.
   */
  'exportBatch:interrupted': {
    public: false,
    input: z.object({}),
    output: z.object({
      items: z.array(
        z.object({
          outDir: z.string(),
          createdAt: z.string(),
          total: z.number(),
          done: z.number(),
          cancelled: z.boolean(),
        }),
      ),
    }),
  },
  /** Goes on with such a batch as a new job (poll `exportBatch:status`); exported appeals are not redone. */
  'exportBatch:resume': {
    public: false,
    input: z.object({ outDir: z.string().min(1).max(1000) }),
    output: z.object({ jobId: z.string(), total: z.number(), outDir: z.string() }),
  },
  /**
   * «Загрузить ответ из ВСЭД» (regulation 4.12): answer packages from a .zip file or a folder on this
   * workstation; the report lists what each package did (completed, attached, unmatched, contradicts…).
   */
  'vsed:importAnswers': {
    public: false,
    input: z.object({ path: z.string().min(1).max(1000) }),
    output: z.object({ items: z.array(vsedImportItemSchema) }),
  },
} as const;
