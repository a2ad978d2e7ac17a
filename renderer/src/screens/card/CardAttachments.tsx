import { useTranslation } from 'react-i18next';
import type { Attachment } from '../../../../shared/appeals';
import { formatSize } from '../../lib/format';
import { useOpenFile } from '../../lib/use-open-file';

export function CardAttachments({ attachments }: { attachments: Attachment[] }) {
  const { t } = useTranslation();
  const { busy, open } = useOpenFile();

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
