import type { WorkingCopy } from '../../../db/open';
import type { AttachmentStore } from '../attachments/attachment-store';
import { applyPage } from './apply-page';
import type { CentralApi } from './central-api';
import { downloadPageFiles } from './download-files';
import { readCursor } from './sync-state';

export interface PullDeps {
  store: WorkingCopy;
  files: AttachmentStore;
  api: CentralApi;
  now: () => Date;
  pageSize: number;
  /** Checked between pages: a stopping engine ends after the page it is applying. */
  cancelled: () => boolean;
  /** After each committed page: changes received so far in this pull and what the server says remains. */
  onProgress?: (progress: PullProgress) => void;
}

export interface PullProgress {
  /** The pull started from cursor 0: the working copy's first sync. */
  first: boolean;
  done: number;
  /** `done` + the server's `remaining`; null when the server does not say (older servers). */
  total: number | null;
}

export interface PullReport {
  pages: number;
  applied: number;
  unchanged: number;
  unknown: number;
  invalid: number;
  filesDownloaded: number;
  filesUnavailable: number;
  cursor: number;
}

export const emptyPullReport = (): PullReport => ({
  pages: 0,
  applied: 0,
  unchanged: 0,
  unknown: 0,
  invalid: 0,
  filesDownloaded: 0,
  filesUnavailable: 0,
  cursor: 0,
});

/**
 * Pull (design.md): from the stored cursor, page by page. Each page's files are downloaded first
 * (content-addressed, so repeating is harmless), then the page and its cursor commit together in one
 * transaction, so a crash anywhere resumes from the last committed page without loss or duplication.
 */
export async function pullChanges(deps: PullDeps, report: PullReport = emptyPullReport()): Promise<PullReport> {
  let cursor = readCursor(deps.store.db);
  report.cursor = cursor;
  const first = cursor === 0;
  let done = 0;
  for (;;) {
    const page = await deps.api.changes(cursor, deps.pageSize);
    const files = await downloadPageFiles(deps.api, deps.files, page);
    const outcome = applyPage(deps.store, deps.files, page, deps.now());
    report.pages += 1;
    report.applied += outcome.applied;
    report.unchanged += outcome.unchanged;
    report.unknown += outcome.unknown;
    report.invalid += outcome.invalid;
    report.filesDownloaded += files.downloaded;
    report.filesUnavailable += files.unavailable;
    report.cursor = outcome.cursor;
    done += page.changes.length;
    const total = page.remaining === undefined ? null : done + (page.hasMore ? page.remaining : 0);
    deps.onProgress?.({ first, done, total });
    // A server that says "more" without moving the cursor would spin us: stop until the next round.
    if (!page.hasMore || outcome.cursor <= cursor || deps.cancelled()) return report;
    cursor = outcome.cursor;
  }
}
