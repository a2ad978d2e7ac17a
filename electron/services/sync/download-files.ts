import { createHash } from 'node:crypto';
import { type Change, type ChangesPage, changeSchema } from '../../../shared/sync/protocol';
import type { AttachmentStore } from '../attachments/attachment-store';
import type { CentralApi } from './central-api';
import { CentralError } from './central-error';

const PARALLEL = 4;

/**
 * The files a change refers to: a filed or registered appeal's attachments, a review action's files
 * [4.5–4.8].
 */
function filesOfChange(change: Change): readonly { sha256: string }[] {
  switch (change.type) {
    case 'appeal.filed':
    case 'appeal.registered':
      return change.data.files;
    case 'appeal.action':
      return change.data.command.files;
    default:
      return [];
  }
}

/** The files of a page's changes that the local store does not have yet. */
function wantedFiles(files: AttachmentStore, page: ChangesPage): string[] {
  const wanted = new Set<string>();
  for (const raw of page.changes) {
    const parsed = changeSchema.safeParse(raw);
    if (!parsed.success) continue;
    for (const file of filesOfChange(parsed.data)) if (!files.has(file.sha256)) wanted.add(file.sha256);
  }
  return [...wanted];
}

/**
 * Downloads a page's files BEFORE the page is applied (the card must never point at a file that
 * is not there yet). The store is content-addressed, so a repeat after a crash is a no-op. A file
 * the server refuses for good (404/410) is left out — the card notes it — so one lost file cannot
 * stall the feed; a transfer failure or a sha256 mismatch throws and the page waits for the next round.
 */
export async function downloadPageFiles(
  api: CentralApi,
  files: AttachmentStore,
  page: ChangesPage,
): Promise<{ downloaded: number; unavailable: number }> {
  const queue = wantedFiles(files, page);
  const result = { downloaded: 0, unavailable: 0 };
  const worker = async () => {
    for (let sha256 = queue.shift(); sha256 !== undefined; sha256 = queue.shift()) {
      let bytes: Uint8Array;
      try {
        bytes = await api.getFile(sha256);
      } catch (error) {
        if (error instanceof CentralError && (error.status === 404 || error.status === 410)) {
          result.unavailable += 1;
          continue;
        }
        throw error;
      }
      const actual = createHash('sha256').update(bytes).digest('hex');
      if (actual !== sha256) throw new CentralError('protocol', `GET /files: файл ${sha256} повреждён при передаче`);
      files.put(bytes);
      result.downloaded += 1;
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  return result;
}
