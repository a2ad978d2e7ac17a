import { useTranslation } from 'react-i18next';
import type { SignatureView } from '../../../../../shared/signing/schema';
import { formatDate, formatDateTime } from '../../../lib/minsk-date';
import { FileLinks } from './FileLinks';

/**
 * The card's ЭЦП (issue «ЭЦП»): who signed what with which certificate and when, and whether the
 * signature checks out now — the workstation verified each again when the card was opened. The signed
 * document and its .p7s can be opened or saved for a check elsewhere.
 */
export function SignatureList({ signatures }: { signatures: readonly SignatureView[] }) {
  const { t } = useTranslation();
  if (signatures.length === 0) return <div className="muted">{t('review.signatures.none')}</div>;
  return (
    <ul className="signature-list">
      {signatures.map((s) => (
        <li key={s.id} data-testid="review-signature-ecp" data-valid={s.valid} data-kind={s.document.kind}>
          <span className={s.valid ? 'signature-valid' : 'signature-invalid'}>
            {s.valid ? t('review.signatures.valid') : t('review.signatures.invalid')}
          </span>{' '}
          <strong>{t(`review.sign.document.${s.document.kind}`)}</strong> — {s.signer.name},{' '}
          {formatDateTime(s.signedAt)}
          {s.development && <span className="note-tag">{t('review.sign.development')}</span>}
          <div className="muted small">
            {t('review.sign.certificateLine', {
              issuer: s.certificate.issuer,
              serial: s.certificate.serialNumber,
              until: formatDate(s.certificate.notAfter),
            })}
            . {s.reason}
          </div>
          <FileLinks
            files={[
              { ...s.documentFile, type: 'text/plain' },
              { ...s.p7sFile, type: 'application/pkcs7-signature' },
            ]}
          />
        </li>
      ))}
    </ul>
  );
}
