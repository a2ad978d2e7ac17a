import { closeSync, openSync, readSync, statSync } from 'node:fs';
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

function readHead(path: string): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const head = new Uint8Array(HEAD_BYTES);
    const n = readSync(fd, head, 0, HEAD_BYTES, 0);
    return head.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** The first bytes of a stored file, what type detection reads; empty when the store does not have it. */
export function storedHead(files: AttachmentStore, sha256: string): Uint8Array {
  return files.has(sha256) ? readHead(files.pathOf(sha256)) : new Uint8Array();
}

/** What validation needs to know of each referenced file, read from the store (size, first bytes). */
export function describeAttachments(files: AttachmentStore, refs: AttachmentRef[]): AttachmentFacts[] {
  return refs.map((ref) => {
    if (!files.has(ref.sha256)) {
      throw new AppError('NOT_FOUND', `Файл «${ref.name}» не найден в хранилище — загрузите его заново`);
    }
    const path = files.pathOf(ref.sha256);
    const head = readHead(path);
    return {
      sha256: ref.sha256,
      name: ref.name,
      size: statSync(path).size,
      type: mimeTypeOf(ref.name, head),
      head,
      participantsList: ref.participantsList,
    };
  });
}
