import { useTranslation } from 'react-i18next';
import type { CertificateChoice } from '../../../shared/signing/schema';
import { formatDate } from '../lib/minsk-date';

/**
 * One certificate of the providers found on this machine, as a radio choice: the owner, the development
 * key label, issuer / serial / validity, and why it cannot be chosen (greyed out). Signing, «Войти по
 * ЭЦП» and the administrator's «Привязать сертификат» show certificates the same way.
 */
export function CertificateOption(props: {
  c: CertificateChoice;
  checked: boolean;
  onChoose(): void;
  name?: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const { c } = props;
  return (
    <label
      className={c.unusableReason ? 'certificate disabled' : 'certificate'}
      data-testid={props.testId ?? 'sign-certificate'}
    >
      <input
        type="radio"
        name={props.name ?? 'certificate'}
        checked={props.checked}
        disabled={c.unusableReason !== null}
        onChange={props.onChoose}
        data-field="certificate"
      />{' '}
      <strong>{c.subject}</strong> {c.development && <span className="note-tag">{t('review.sign.development')}</span>}
      <div className="muted small">
        {t('review.sign.certificateLine', { issuer: c.issuer, serial: c.serialNumber, until: formatDate(c.notAfter) })}
      </div>
      {c.unusableReason && <div className="field-error">{c.unusableReason}</div>}
    </label>
  );
}
