import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** A modal dialog on the native <dialog>: focus is trapped by the browser, Esc closes it. */
export function Modal(props: { title: string; onClose(): void; children: ReactNode; testId?: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      className="modal"
      onClose={props.onClose}
      onCancel={(e) => {
        e.preventDefault();
        props.onClose();
      }}
      data-testid={props.testId}
      aria-label={props.title}
    >
      <div className="modal-head">
        <h2>{props.title}</h2>
        <button type="button" className="link-button" onClick={props.onClose}>
          {t('app.close')}
        </button>
      </div>
      <div className="modal-body">{props.children}</div>
    </dialog>
  );
}
