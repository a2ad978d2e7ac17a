import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '../../../../shared/appeals';
import { api } from '../../api';
import { useNotify } from '../../app/toasts';
import { errorMessage, reportIfUnauthenticated } from '../../lib/api-errors';
import { base64ToBlob, openBlob } from '../../lib/files';
import { formatSize } from '../../lib/format';

export function CardAttachments({ attachments }: { attachments: Attachment[] }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [busy, setBusy] = useState<string | null>(null);

  const open = async (a: Attachment, download: boolean) => {
    setBusy(a.sha256);
    try {
      const file = await api.call('attachments:read', { sha256: a.sha256 });
      openBlob(base64ToBlob(file.dataBase64, file.type || a.type), a.name, download);
    } catch (err) {
      reportIfUnauthenticated(err);
      notify(t('card.attachments.openFailed', { message: errorMessage(err) }), 'error');
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="card-block">
      <h2>{t('card.sections.attachments')}</h2>
      {attachments.length === 0 ? (
        <div className="muted">{t('card.attachments.none')}</div>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>{t('card.attachments.name')}</th>
              <th className="num">{t('card.attachments.size')}</th>
              <th>{t('card.attachments.participants')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {attachments.map((a) => (
              <tr key={a.sha256} data-testid="card-attachment">
                <td>{a.name}</td>
                <td className="num">{formatSize(a.size)}</td>
                <td>{a.participantsList ? t('app.yes') : ''}</td>
                <td className="actions">
                  <button
                    type="button"
                    className="link-button"
                    disabled={busy === a.sha256}
                    onClick={() => void open(a, false)}
                    data-testid="attachment-open"
                  >
                    {t('card.attachments.open')}
                  </button>
                  <button
                    type="button"
                    className="link-button"
                    disabled={busy === a.sha256}
                    onClick={() => void open(a, true)}
                    data-testid="attachment-download"
                  >
                    {t('card.attachments.download')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
