import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewFile } from '../../../../../../shared/review/actions';
import { checkSingleFile, FILE_HEAD_BYTES, MAX_FILES } from '../../../../../../shared/validation';
import { api } from '../../../../api';
import { errorMessage, reportIfUnauthenticated, validationIssues } from '../../../../lib/api-errors';
import { readAsBase64 } from '../../../../lib/files';

export interface UploadedFile extends ReviewFile {
  size: number;
}
interface Pending {
  key: string;
  name: string;
  size: number;
}

let seq = 0;

/**
 * Files of an action (result, answer, letter): checked here by the shared rules (count, size, type by
 * content), uploaded one by one with `attachments:upload`, referenced in the action as `{sha256, name}`.
 */
export function useReviewFiles(initial: readonly UploadedFile[] = []) {
  const { t } = useTranslation();
  const [files, setFiles] = useState<UploadedFile[]>([...initial]);
  const [pending, setPending] = useState<Pending[]>([]);
  const [problems, setProblems] = useState<string[]>([]);
  const count = useRef(0);
  count.current = files.length + pending.length;

  const add = useCallback(
    async (chosen: readonly File[]) => {
      const found: string[] = [];
      const accepted: { file: File; key: string }[] = [];
      let room = MAX_FILES - count.current;
      for (const file of chosen) {
        if (room <= 0) {
          found.push(t('form.attachments.tooMany', { max: String(MAX_FILES) }));
          break;
        }
        const head = new Uint8Array(await file.slice(0, FILE_HEAD_BYTES).arrayBuffer());
        const issues = checkSingleFile('files', { name: file.name, size: file.size, head });
        if (issues.length > 0) {
          found.push(...issues.map((i) => i.message));
          continue;
        }
        accepted.push({ file, key: `rf${++seq}` });
        room--;
      }
      setProblems(found);
      setPending((list) => [...list, ...accepted.map(({ file, key }) => ({ key, name: file.name, size: file.size }))]);
      for (const { file, key } of accepted) {
        try {
          const stored = await api.call('attachments:upload', {
            name: file.name,
            dataBase64: await readAsBase64(file),
          });
          setFiles((list) =>
            list.some((f) => f.sha256 === stored.sha256)
              ? list
              : [...list, { sha256: stored.sha256, name: stored.name, size: stored.size }],
          );
        } catch (err) {
          reportIfUnauthenticated(err);
          const issues = validationIssues(err);
          const message = issues.length > 0 ? issues.map((i) => i.message).join('; ') : errorMessage(err);
          setProblems((list) => [...list, t('form.attachments.uploadFailed', { name: file.name, message })]);
        } finally {
          setPending((list) => list.filter((p) => p.key !== key));
        }
      }
    },
    [t],
  );

  const remove = useCallback((sha256: string) => setFiles((list) => list.filter((f) => f.sha256 !== sha256)), []);
  const refs: ReviewFile[] = files.map(({ sha256, name }) => ({ sha256, name }));

  return { files, pending, problems, add, remove, refs, uploading: pending.length > 0 };
}

export type ReviewFiles = ReturnType<typeof useReviewFiles>;
