import { eq } from 'drizzle-orm';
import { attachments, reviewFiles } from '../../../db/schema';
import { AppError, validationError } from '../../../shared/errors';
import { checkSingleFile, mimeTypeOf } from '../../../shared/validation';
import { requireUser } from '../auth/auth-service';
import type { CallContext } from '../context';

/**
 * `attachments:upload`: checks one file by name, size and content (regulation 4.3: allowed types,
 * at most 15 MB) and stores it content-addressed. The card links it on save, in its own transaction.
 */
export function uploadAttachment(ctx: CallContext, input: { name: string; dataBase64: string }) {
  // Executors attach results, heads resolutions, clerks answers [4.5]: any logged-in user uploads.
  requireUser(ctx);
  const bytes = Buffer.from(input.dataBase64, 'base64');
  const issues = checkSingleFile('attachments', { name: input.name, size: bytes.length, head: bytes.subarray(0, 64) });
  if (issues.length > 0) throw validationError(issues);
  const sha256 = ctx.files.put(bytes);
  return { sha256, name: input.name, size: bytes.length, type: mimeTypeOf(input.name, bytes) };
}

export function readAttachment(ctx: CallContext, input: { sha256: string }) {
  requireUser(ctx);
  const { db } = ctx.store;
  const row =
    db.select({ type: attachments.type }).from(attachments).where(eq(attachments.sha256, input.sha256)).get() ??
    db.select({ type: reviewFiles.type }).from(reviewFiles).where(eq(reviewFiles.sha256, input.sha256)).get();
  if (!row || !ctx.files.has(input.sha256)) throw new AppError('NOT_FOUND', 'Файл не найден');
  return { type: row.type, dataBase64: ctx.files.read(input.sha256).toString('base64') };
}
