import type { AttachmentRef } from '../../../shared/appeals';
import { AppError } from '../../../shared/errors';
import { mimeTypeOf } from '../../../shared/validation';
import type { AttachmentStore } from '../attachments/attachment-store';

export interface AttachmentFacts {
  sha256: string;
  name: string;
  size: number;
  type: string;
  head: Uint8Array;
  participantsList: boolean;
}

const HEAD_BYTES = 64;

/** The first bytes of a stored file, what type detection reads; empty when the store does not have it. */
export function storedHead(files: AttachmentStore, sha256: string): Uint8Array {
  // Read whole (at most 15 MB): an encrypted file is decrypted as one piece (decision 014).
  return files.has(sha256) ? new Uint8Array(files.read(sha256).subarray(0, HEAD_BYTES)) : new Uint8Array();
}

/** What validation needs to know of each referenced file, read from the store (size, first bytes). */
export function describeAttachments(files: AttachmentStore, refs: AttachmentRef[]): AttachmentFacts[] {
  return refs.map((ref) => {
    if (!files.has(ref.sha256)) {
      throw new AppError('NOT_FOUND', `Файл «${ref.name}» не найден в хранилище — загрузите его заново`);
    }
    const bytes = files.read(ref.sha256);
    const head = new Uint8Array(bytes.subarray(0, HEAD_BYTES));
    return {
      sha256: ref.sha256,
      name: ref.name,
      size: bytes.length,
      type: mimeTypeOf(ref.name, head),
      head,
      participantsList: ref.participantsList,
    };
  });
}
