import type { WorkingCopy } from '../../../db/open';
import type { Command } from '../../../shared/sync/protocol';
import type { AttachmentStore } from '../attachments/attachment-store';
import type { CentralApi } from './central-api';
import { CentralError, refusesContent } from './central-error';
import { filesOfCommand } from './command-files';
import { markAttempt, type OutboxRow, pendingRows, rejectLocally, settleBatch } from './outbox-rows';
import { errorRecord } from './sync-messages';
import { DEFAULT_UPLOAD, ensureUploaded, LocalFileMissing, type UploadOptions } from './upload-files';

export interface PushDeps {
  store: WorkingCopy;
  files: AttachmentStore;
  api: CentralApi;
  now: () => Date;
  /** At most 50 by design; the protocol allows 100. */
  batchSize: number;
  upload?: UploadOptions;
}

export interface PushReport {
  applied: number;
  duplicate: number;
  rejected: number;
  filesUploaded: number;
}

export const emptyPushReport = (): PushReport => ({ applied: 0, duplicate: 0, rejected: 0, filesUploaded: 0 });

type Blocked = { row: OutboxRow; reason: { code: string; message: string } };

/**
 * Uploads the files of the batch's commands in order. Returns the prefix whose files are on the server
 * and, if one cannot ever be sent as it is, that command and why. Transient failures throw (the
 * command gets an attempt recorded).
 */
async function prepareFiles(deps: PushDeps, rows: OutboxRow[], report: PushReport) {
  for (const [index, row] of rows.entries()) {
    try {
      for (const sha256 of filesOfCommand(row)) {
        if (await ensureUploaded(deps.api, deps.files, sha256, deps.upload ?? DEFAULT_UPLOAD))
          report.filesUploaded += 1;
      }
    } catch (error) {
      const permanent =
        error instanceof LocalFileMissing || (error instanceof CentralError && error.kind === 'rejected');
      if (!permanent) {
        if (countsAsAttempt(error)) markAttempt(deps.store, [row], errorRecord(error));
        throw error;
      }
      const reason = JSON.parse(errorRecord(error)) as Blocked['reason'];
      return { ready: rows.slice(0, index), blocked: { row, reason } as Blocked };
    }
  }
  return { ready: rows, blocked: null };
}

const toCommand = (row: OutboxRow): Command => ({
  id: row.commandId,
  type: row.type,
  appealId: row.appealId,
  payload: JSON.parse(row.payload) as unknown,
});

/**
 * Push (design.md): pending commands in `seq` order, in batches; files before the command that needs
 * them. A transient failure leaves the commands pending (attempts + 1) and ends the round, so command
 * N+1 is never sent before N is settled. A lost response is harmless: the next round re-sends the
 * same ids and the server answers `duplicate` with the same result.
 */
export async function pushOutbox(deps: PushDeps, report: PushReport = emptyPushReport()): Promise<PushReport> {
  let batchSize = deps.batchSize;
  /** After the server refused a whole batch: commands still to send one by one to find the culprit. */
  let isolating = 0;
  for (let rows = pendingRows(deps.store, batchSize); rows.length > 0; rows = pendingRows(deps.store, batchSize)) {
    const { ready, blocked } = await prepareFiles(deps, rows, report);
    if (ready.length > 0) {
      let results: Awaited<ReturnType<CentralApi['sendCommands']>>;
      try {
        results = await deps.api.sendCommands(ready.map(toCommand));
      } catch (error) {
        const refused = refusesContent(error);
        if (refused && ready.length > 1) {
          // Find the command the server cannot take, one by one; the others go through.
          batchSize = 1;
          isolating = ready.length;
          continue;
        }
        if (refused && ready[0]) {
          const reason = error.problem ?? { code: `HTTP_${error.status ?? 400}`, message: error.message };
          add(report, rejectLocally(deps.store, ready[0], reason, deps.now()));
          batchSize = deps.batchSize;
          isolating = 0;
          continue;
        }
        if (countsAsAttempt(error)) markAttempt(deps.store, ready, errorRecord(error));
        throw error;
      }
      const settled = settleBatch(deps.store, ready, results, deps.now());
      add(report, settled);
      if (settled.count < ready.length) {
        markAttempt(deps.store, ready.slice(settled.count), errorRecord(missingResult()));
        throw missingResult();
      }
      isolating = Math.max(0, isolating - settled.count);
      if (isolating === 0) batchSize = deps.batchSize;
    }
    if (blocked) add(report, rejectLocally(deps.store, blocked.row, blocked.reason, deps.now()));
  }
  return report;
}

/** Auth and configuration failures are about the workstation, not about these commands. */
const countsAsAttempt = (error: unknown) =>
  !(error instanceof CentralError) || (error.kind !== 'auth' && error.kind !== 'config');

const missingResult = () => new CentralError('protocol', 'POST /commands: нет результата для отправленной команды');

function add(report: PushReport, settled: { applied: number; duplicate: number; rejected: number }): void {
  report.applied += settled.applied;
  report.duplicate += settled.duplicate;
  report.rejected += settled.rejected;
}
