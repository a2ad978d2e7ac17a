import { useTranslation } from 'react-i18next';
import { Modal } from '../../components/Modal';

/** The confirmation before a refused change is given up (it stays on this workstation only). */
export function DiscardDialog(props: {
  what: string;
  number: string;
  busy: boolean;
  onCancel(): void;
  onConfirm(): void;
}) {
  const { t } = useTranslation();
  return (
    <Modal title={t('syncUi.discard.title')} onClose={props.onCancel} testId="attention-discard-dialog">
      <p className="attention-discard-text">{t('syncUi.discard.text', { what: props.what, number: props.number })}</p>
      <div className="review-dialog-buttons">
        <button
          type="button"
          className="primary"
          disabled={props.busy}
          onClick={props.onConfirm}
          data-testid="attention-discard-confirm"
        >
          {t('syncUi.discard.confirm')}
        </button>
        <button type="button" disabled={props.busy} onClick={props.onCancel} data-testid="attention-discard-cancel">
          {t('syncUi.discard.cancel')}
        </button>
      </div>
    </Modal>
  );
}
