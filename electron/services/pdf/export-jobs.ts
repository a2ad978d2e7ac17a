import { randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';
import type { WorkingCopy } from '../../../db/open';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { requireUser } from '../auth/auth-service';
import type { CallContext } from '../context';
import { type BatchManifest, type BatchOptions, exportBatch, resumeBatch, selectAppeals } from './batch-export';
import { findInterruptedExports, readJournal } from './export-journal';

type Status = ChannelOutput<'exportBatch:status'>;

interface Job {
  status: Status;
  userId: string;
  controller: AbortController;
}

/** Jobs of one data folder (keyed by its store: no process-wide state shared between folders). */
const jobsByStore = new WeakMap<WorkingCopy, Map<string, Job>>();

function jobsOf(ctx: CallContext): Map<string, Job> {
  let jobs = jobsByStore.get(ctx.store);
  if (!jobs) {
    jobs = new Map();
    jobsByStore.set(ctx.store, jobs);
  }
  return jobs;
}

/**
 * `<data>/exports/<UTC timestamp>`, e.g. `exports/2026-03-10-14-05-09`. Without a data folder there is
 * no default: the caller must name the folder (never the process's working directory).
 */
export function defaultExportDir(ctx: CallContext): string {
  if (!ctx.dataDir) throw new AppError('BAD_INPUT', 'Укажите папку для выгрузки.');
  const stamp = ctx
    .clock()
    .toISOString()
    .replace(/\.\d+Z$/, '')
    .replace(/[:T]/g, '-');
  return join(ctx.dataDir, 'exports', stamp);
}

type Run = (progress: Pick<BatchOptions, 'signal' | 'onProgress'>) => Promise<BatchManifest>;

/** Runs `run` in the background as a job of the caller's, with the status the dialog polls. */
function startJob(ctx: CallContext, total: number, outDir: string, run: Run) {
  const user = requireUser(ctx);
  const jobId = randomUUID();
  const status: Status = {
    jobId,
    state: 'running',
    total,
    done: 0,
    exported: 0,
    failed: 0,
    outDir,
    errors: [],
    warnings: [],
  };
  const job: Job = { status, userId: user.id, controller: new AbortController() };
  jobsOf(ctx).set(jobId, job);
  void run({
    signal: job.controller.signal,
    onProgress: (item, done) => {
      status.done = done;
      if (item.error) {
        status.failed++;
        status.errors.push({ id: item.id, number: item.number, message: item.error });
      } else status.exported++;
      for (const message of item.problems) status.warnings.push({ id: item.id, number: item.number, message });
    },
  })
    .then((manifest) => {
      status.state = manifest.cancelled ? 'cancelled' : 'done';
    })
    .catch((err: unknown) => {
      status.errors.push({ id: '', number: null, message: err instanceof Error ? err.message : String(err) });
      status.state = 'done';
    });
  return { jobId, total, outDir };
}

/** `exportBatch:start`: selects the appeals, starts the export in the background, returns the job. */
export function startExportJob(ctx: CallContext, input: ChannelParsedInput<'exportBatch:start'>) {
  requireUser(ctx);
  const ids = selectAppeals(ctx, input.ids ? { ids: input.ids } : { filter: input.filter ?? {} });
  const outDir = input.outDir?.trim() ? resolve(input.outDir.trim()) : defaultExportDir(ctx);
  return startJob(ctx, ids.length, outDir, (progress) =>
    exportBatch(ctx, ids, { outDir, zip: input.zip, ...progress }),
  );
}

/**
 * `exportBatch:interrupted`: batches under `<data>/exports` that did not finish (the app was closed or
 * crashed while exporting, or the batch was cancelled) — jobs live in memory, their journals on disk.
 */
export function interruptedExports(ctx: CallContext) {
  requireUser(ctx);
  return { items: ctx.dataDir ? findInterruptedExports(join(ctx.dataDir, 'exports')) : [] };
}

/** `exportBatch:resume`: goes on with such a batch as a new job; appeals already exported are kept. */
export function resumeExportJob(ctx: CallContext, input: { outDir: string }) {
  requireUser(ctx);
  const outDir = resolve(input.outDir);
  const state = readJournal(outDir);
  if (!state) throw new AppError('NOT_FOUND', 'В папке нет незавершённого пакетного экспорта');
  return startJob(ctx, state.header.ids.length, outDir, (progress) => resumeBatch(ctx, { outDir, ...progress }));
}

function jobFor(ctx: CallContext, jobId: string): Job {
  const user = requireUser(ctx);
  const job = jobsOf(ctx).get(jobId);
  if (!job || job.userId !== user.id) throw new AppError('NOT_FOUND', 'Задание экспорта не найдено');
  return job;
}

export function exportJobStatus(ctx: CallContext, input: { jobId: string }): Status {
  return jobFor(ctx, input.jobId).status;
}

export function cancelExportJob(ctx: CallContext, input: { jobId: string }) {
  jobFor(ctx, input.jobId).controller.abort();
  return {};
}
