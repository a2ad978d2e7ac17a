import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ValidationIssue } from '../../../../shared/errors';
import { checkSingleFile, FILE_HEAD_BYTES, MAX_FILES } from '../../../../shared/validation';
import { api } from '../../api';
import { errorMessage, reportIfUnauthenticated, validationIssues } from '../../lib/api-errors';
import { readAsBase64 } from '../../lib/files';
import { useForm } from './form-context';

export interface PendingUpload {
  key: string;
  name: string;
  size: number;
}

let uploadSeq = 0;

/**
 * Chosen files: checked here first (count, size, extension, content by magic bytes — the shared rules),
 * then read as base64 and sent with `attachments:upload` one at a time. Problems are shown at «Вложения».
 */
export function useUploads() {
  const { t } = useTranslation();
  const { state, setAttachments, setIssuesAt, heads } = useForm();
  const [pending, setPending] = useState<PendingUpload[]>([]);

  const upload = useCallback(
    async (files: File[]) => {
      const problems: ValidationIssue[] = [];
      let room = MAX_FILES - state.attachments.length - pending.length;
      const accepted: { file: File; head: Uint8Array; key: string }[] = [];
      for (const file of files) {
        if (room <= 0) {
          problems.push({
            field: 'attachments',
            rule: 'too-many-files',
            message: t('form.attachments.tooMany', { max: String(MAX_FILES) }),
          });
          break;
        }
        let head: Uint8Array;
        try {
          head = new Uint8Array(await file.slice(0, FILE_HEAD_BYTES).arrayBuffer());
        } catch {
          problems.push({
            field: 'attachments',
            rule: 'file-read',
            message: t('form.attachments.readFailed', { name: file.name }),
          });
          continue;
        }
        const issues = checkSingleFile('attachments', { name: file.name, size: file.size, head });
        if (issues.length > 0) {
          problems.push(...issues);
          continue;
        }
        accepted.push({ file, head, key: `u${++uploadSeq}` });
        room--;
      }
      setIssuesAt('attachments', problems);
      setPending((list) => [...list, ...accepted.map((a) => ({ key: a.key, name: a.file.name, size: a.file.size }))]);

      for (const { file, head, key } of accepted) {
        try {
          const dataBase64 = await readAsBase64(file);
          const stored = await api.call('attachments:upload', { name: file.name, dataBase64 });
          heads.set(stored.sha256, head);
          setAttachments((list) =>
            list.some((a) => a.sha256 === stored.sha256) ? list : [...list, { ...stored, participantsList: false }],
          );
        } catch (err) {
          reportIfUnauthenticated(err);
          const found = validationIssues(err);
          const message = found.length > 0 ? found.map((i) => i.message).join('; ') : errorMessage(err);
          problems.push({
            field: 'attachments',
            rule: 'upload',
            message: t('form.attachments.uploadFailed', { name: file.name, message }),
          });
          setIssuesAt('attachments', [...problems]);
        } finally {
          setPending((list) => list.filter((p) => p.key !== key));
        }
      }
    },
    [state.attachments.length, pending.length, setAttachments, setIssuesAt, heads, t],
  );

  return { pending, upload };
}
