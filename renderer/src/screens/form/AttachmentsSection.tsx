import { useTranslation } from 'react-i18next';
import { formatSize } from '../../lib/format';
import { FieldErrors } from './FieldErrors';
import { useFieldProps, useForm } from './form-context';
import { useUploads } from './use-uploads';

export function AttachmentsSection() {
  const { t } = useTranslation();
  const { state, setAttachments, clearAttachmentIssues } = useForm();
  const { onBlur: _ignored, ...inputProps } = useFieldProps('attachments');
  const { pending, upload } = useUploads();
  const collective = state.appealType === 'collective';
  const list = state.attachments;

  return (
    <fieldset className="form-section">
      <legend>{t('form.sections.attachments')}</legend>
      <div className="attachments-picker">
        <input
          {...inputProps}
          type="file"
          multiple
          className="visually-hidden"
          accept=".jpg,.jpeg,.png,.pdf,.doc,.docx,.xls,.xlsx,.tif,.tiff,.rtf"
          onChange={(e) => {
            const files = Array.from(e.target.files ?? []);
            e.target.value = '';
            if (files.length > 0) void upload(files);
          }}
        />
        <label htmlFor="field-attachments" className="button-like">
          {t('form.attachments.choose')}
        </label>
        <span className="hint">{t('form.attachments.hint')}</span>
      </div>
      <FieldErrors path="attachments" />
      {list.length === 0 && pending.length === 0 ? (
        <div className="muted small">{t('form.attachments.none')}</div>
      ) : (
        <table className="table attachments-table">
          <tbody>
            {list.map((a, i) => (
              <tr key={a.sha256} data-testid="attachment-row" data-sha256={a.sha256}>
                <td className="att-name">
                  {a.name}
                  <FieldErrors path={`attachments[${i}]`} />
                </td>
                <td className="att-size">{formatSize(a.size)}</td>
                <td className="att-flag">
                  {collective && (
                    <label>
                      <input
                        type="checkbox"
                        id={`field-attachments[${i}].participantsList`}
                        data-testid={`field-attachments[${i}].participantsList`}
                        data-field={`attachments[${i}]`}
                        checked={a.participantsList}
                        onChange={(e) => {
                          const checked = e.target.checked;
                          setAttachments((all) =>
                            all.map((x, j) => (j === i ? { ...x, participantsList: checked } : x)),
                          );
                          clearAttachmentIssues();
                        }}
                      />{' '}
                      {t('form.attachments.participants')}
                    </label>
                  )}
                </td>
                <td className="att-actions">
                  <button
                    type="button"
                    className="link-button"
                    title={t('form.attachments.removeTitle', { name: a.name })}
                    data-testid={`attachment-remove-${i}`}
                    data-field={collective ? undefined : `attachments[${i}]`}
                    onClick={() => {
                      setAttachments((all) => all.filter((_, j) => j !== i));
                      clearAttachmentIssues();
                    }}
                  >
                    {t('form.attachments.remove')}
                  </button>
                </td>
              </tr>
            ))}
            {pending.map((p) => (
              <tr key={p.key} className="pending" data-testid="attachment-pending">
                <td className="att-name">{p.name}</td>
                <td className="att-size">{formatSize(p.size)}</td>
                <td className="att-flag muted">{t('form.attachments.uploading')}</td>
                <td />
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </fieldset>
  );
}
