import type { ValidationIssue } from '../errors';
import { checkFileName, displayFileName } from './file-name';
import {
  ALLOWED_EXTENSIONS,
  CONTENT_BY_EXTENSION,
  type DetectedFileType,
  detectFileType,
  extensionOf,
  FILE_TYPE_NAMES,
  isAllowedExtension,
  SCAN_TYPES,
} from './file-types';

/** [4.3] «не более пяти файлов». */
export const MAX_FILES = 5;

/**
 * [4.3] «размером не более 15 мегабайт каждый». The regulation does not say decimal or binary
 * megabytes; we read it as 15 MiB = 15 728 640 bytes — what Windows shows as «15,0 МБ», and the
 * lenient reading, so no file the user sees as 15 MB is refused. Change here if the central
 * system turns out to count 15 000 000 bytes.
 */
export const MAX_FILE_BYTES = 15 * 1024 * 1024;

/** How many leading bytes the caller should pass as `head`. */
export const FILE_HEAD_BYTES = 16;

export interface AttachmentCandidate {
  name: string;
  /** Size in bytes. */
  size: number;
  /** The first bytes of the file, at least FILE_HEAD_BYTES (or the whole file when it is shorter). */
  head: Uint8Array;
}

export interface AttachmentOptions {
  collective: boolean;
  /** Index of the file the clerk marked as the participants' list of a collective appeal. */
  participantsListIndex?: number;
}

const MIB = 1024 * 1024;
const PARTICIPANTS_LIST_MESSAGE = 'Коллективное обращение принимается только с приложенным списком участников (скан)';

function formatSize(bytes: number): string {
  const megabytes = (bytes / MIB).toFixed(1);
  if (Number(megabytes) > MAX_FILE_BYTES / MIB) return `${megabytes.replace('.', ',')} МБ`;
  return `${String(bytes).replace(/\B(?=(\d{3})+$)/g, '\u00a0')} байт`;
}

function checkSize(field: string, shown: string, size: number): ValidationIssue[] {
  if (!Number.isSafeInteger(size) || size < 0) {
    return [{ field, rule: 'file-size', message: `Файл «${shown}»: неверный размер файла` }];
  }
  if (size === 0) return [{ field, rule: 'file-empty', message: `Файл «${shown}» пустой` }];
  if (size > MAX_FILE_BYTES) {
    return [{ field, rule: 'file-too-large', message: `Файл «${shown}» больше 15 МБ (${formatSize(size)})` }];
  }
  return [];
}

function checkContent(field: string, shown: string, extension: string, file: AttachmentCandidate): ValidationIssue[] {
  if (!isAllowedExtension(extension) || !Number.isSafeInteger(file.size) || file.size <= 0) return [];
  const detected = detectFileType(file.head);
  if (detected && CONTENT_BY_EXTENSION[extension].includes(detected)) return [];
  let what = `это ${detected ? FILE_TYPE_NAMES[detected] : 'файл неизвестного формата'}`;
  if (!detected && file.head.length < Math.min(FILE_HEAD_BYTES, file.size))
    what = 'содержимое не передано для проверки';
  const message = `Файл «${shown}»: содержимое не соответствует расширению «${extension}» — ${what}`;
  return [{ field, rule: 'file-type', message }];
}

/**
 * One attachment [4.3]: rules `file-name` (see file-name.ts), `file-extension` (none or not in
 * ALLOWED_EXTENSIONS), `file-size`, `file-empty`, `file-too-large` (over MAX_FILE_BYTES), and
 * `file-type` — the content, recognised by its magic bytes, must be what the extension promises
 * (a renamed .exe, a .docx that is a PDF are refused: "check content, not just the extension").
 */
export function checkSingleFile(field: string, file: AttachmentCandidate): ValidationIssue[] {
  const shown = displayFileName(file.name);
  const extension = extensionOf(file.name);
  const issues = checkFileName(field, file.name);
  if (!isAllowedExtension(extension)) {
    const problem = extension === '' ? 'нет расширения' : `формат «${extension}» не допускается`;
    const message = `Файл «${shown}»: ${problem} — допускаются ${ALLOWED_EXTENSIONS.join(', ')}`;
    issues.push({ field, rule: 'file-extension', message });
  }
  issues.push(...checkSize(field, shown, file.size), ...checkContent(field, shown, extension, file));
  return issues;
}

function isScan(file: AttachmentCandidate | undefined): boolean {
  const type: DetectedFileType | undefined = file ? detectFileType(file.head) : undefined;
  return type !== undefined && SCAN_TYPES.has(type);
}

/**
 * [4.3] «Обращения с типом «Коллективное» принимаются … только при наличии прикрепленного
 * сканированного файла, содержащего сведения о каждом участнике». A scan is a PDF or an image by
 * content. With `participantsListIndex` that file must be a scan; without it, at least one file
 * must be. Rule `participants-list`.
 */
function checkParticipantsList(files: readonly AttachmentCandidate[], opts: AttachmentOptions): ValidationIssue[] {
  if (!opts.collective) return [];
  const index = opts.participantsListIndex;
  if (files.length === 0)
    return [{ field: 'attachments', rule: 'participants-list', message: PARTICIPANTS_LIST_MESSAGE }];
  if (index === undefined) {
    if (files.some(isScan)) return [];
    const message = `${PARTICIPANTS_LIST_MESSAGE}: среди вложений нет PDF или изображения`;
    return [{ field: 'attachments', rule: 'participants-list', message }];
  }
  const file = Number.isInteger(index) ? files[index] : undefined;
  if (!file) {
    const message = `${PARTICIPANTS_LIST_MESSAGE}: отмеченный файл списка участников не найден среди вложений`;
    return [{ field: 'attachments', rule: 'participants-list', message }];
  }
  if (isScan(file)) return [];
  const message = `${PARTICIPANTS_LIST_MESSAGE}: файл «${displayFileName(file.name)}» не PDF и не изображение`;
  return [{ field: `attachments[${index}]`, rule: 'participants-list', message }];
}

/**
 * All attachments of an appeal [4.3]: `too-many-files` (more than MAX_FILES, on `attachments`),
 * every file by `checkSingleFile` (on `attachments[i]`), and the participants' list of a
 * collective appeal.
 */
export function checkAttachments(files: readonly AttachmentCandidate[], opts: AttachmentOptions): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (files.length > MAX_FILES) {
    const message = `Можно приложить не более ${MAX_FILES} файлов, приложено ${files.length}`;
    issues.push({ field: 'attachments', rule: 'too-many-files', message });
  }
  files.forEach((file, i) => {
    issues.push(...checkSingleFile(`attachments[${i}]`, file));
  });
  issues.push(...checkParticipantsList(files, opts));
  return issues;
}
