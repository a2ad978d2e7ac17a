import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatSize } from '../../../../lib/format';
import { useDialogFieldProps } from './dialog-form-context';
import { FieldError } from './fields';
import type { ReviewFiles } from './use-review-files';

/** «Прикрепить файлы…» with the chosen files, the upload progress and the problems found. */
export function FilesField(props: { files: ReviewFiles; label?: string; required?: boolean; hint?: ReactNode }) {
  const { t } = useTranslation();
  const { files, pending, problems, add, remove } = props.files;
  const fieldProps = useDialogFieldProps('files');
  return (
    <div className="field dialog-field files-field">
      <span className={props.required ? 'field-label required' : 'field-label'}>
        {props.label ?? t('review.form.files')}
      </span>
      <div className="attachments-picker">
        <input
          {...fieldProps}
          type="file"
          multiple
          className="visually-hidden"
          accept=".jpg,.jpeg,.png,.pdf,.doc,.docx,.xls,.xlsx,.tif,.tiff,.rtf"
          onChange={(e) => {
            const chosen = Array.from(e.target.files ?? []);
            e.target.value = '';
            if (chosen.length > 0) void add(chosen);
          }}
        />
        <label htmlFor="review-field-files" className="button-like">
          {t('review.form.chooseFiles')}
        </label>
        <span className="hint">{t('review.form.filesHint')}</span>
      </div>
      {props.hint && <div className="hint files-hint">{props.hint}</div>}
      {files.length === 0 && pending.length === 0 ? (
        <div className="muted small">{t('review.form.noFiles')}</div>
      ) : (
        <ul className="dialog-files">
          {files.map((f) => (
            <li key={f.sha256} data-testid="review-file-row">
              <span className="name">{f.name}</span>
              <span className="muted small">{formatSize(f.size)}</span>
              <button type="button" className="link-button" onClick={() => remove(f.sha256)}>
                {t('review.form.removeFile')}
              </button>
            </li>
          ))}
          {pending.map((p) => (
            <li key={p.key} className="pending" data-testid="review-file-pending">
              <span className="name">{p.name}</span>
              <span className="muted small">{t('review.form.uploading')}</span>
            </li>
          ))}
        </ul>
      )}
      {problems.length > 0 && (
        <div className="field-error" data-testid="review-files-problems">
          {problems.map((m) => (
            <div key={m}>{m}</div>
          ))}
        </div>
      )}
      <FieldError path="files" />
    </div>
  );
}
