import type { AttachmentStore } from '../attachments/attachment-store';
import { type BackoffPolicy, backoffDelay, sleep } from './backoff';
import type { CentralApi } from './central-api';
import { CentralError } from './central-error';

export interface UploadOptions extends BackoffPolicy {
  /** Attempts of HEAD + PUT for one file before the round gives up. */
  attempts: number;
}

/** A longer `Retry-After` ends the round; the engine's schedule honours it. */
const MAX_WAIT_MS = 30_000;

export const DEFAULT_UPLOAD: UploadOptions = { attempts: 4, baseMs: 300, maxMs: 5_000 };

/** The local store lost a file a command refers to: no retry can help, a person must look. */
export class LocalFileMissing extends Error {
  constructor(readonly sha256: string) {
    super(`файл ${sha256} отсутствует в хранилище рабочего места`);
    this.name = 'LocalFileMissing';
  }
}

/**
 * Makes sure the server has the file (content-addressed by sha256): HEAD says complete, partial (with
 * the offset to resume from) or absent; PUT sends the rest. After a transfer failure HEAD is asked
 * again, so each retry resumes where the server's copy ends. Returns whether bytes were sent.
 */
export async function ensureUploaded(
  api: CentralApi,
  files: AttachmentStore,
  sha256: string,
  options: UploadOptions = DEFAULT_UPLOAD,
): Promise<boolean> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const remote = await api.headFile(sha256);
      if (remote.state === 'complete') return attempt > 1;
      if (!files.has(sha256)) throw new LocalFileMissing(sha256);
      const bytes = files.read(sha256);
      const offset = remote.state === 'partial' && remote.offset <= bytes.length ? remote.offset : 0;
      await api.putFile(sha256, bytes, offset);
      return true;
    } catch (error) {
      // 409/416: our offset and the server's copy disagree (another upload moved it): ask HEAD again.
      const resumable =
        error instanceof CentralError && (error.transient || error.status === 409 || error.status === 416);
      if (!resumable || attempt >= options.attempts) throw error;
      const wait = error.retryAfterMs ?? backoffDelay(attempt, options);
      if (wait > MAX_WAIT_MS) throw error;
      await sleep(wait);
    }
  }
}
