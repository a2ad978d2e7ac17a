import { ownedFileSize } from '../store/files';
import { type CommandContext, type Outcome, rejected } from './context';

export interface FileRef {
  sha256: string;
  name: string;
}

/**
 * `FILE_MISSING` when a file a command refers to was not uploaded completely by the command's
 * organisation (files are owned per organisation), else null. The workstation uploads every file
 * before the command that needs it, so this means the upload was lost or never finished.
 */
export function missingFilesRefusal(ctx: CommandContext, files: readonly FileRef[]): Outcome | null {
  const missing = files.filter((f) => ownedFileSize(ctx.db, ctx.org.id, f.sha256) === undefined);
  if (missing.length === 0) return null;
  const names = missing.map((f) => `«${f.name}»`).join(', ');
  return rejected('FILE_MISSING', `Файлы не загружены на сервер полностью: ${names}`, {
    sha256: missing.map((f) => f.sha256),
  });
}
