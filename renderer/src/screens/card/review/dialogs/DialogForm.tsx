import { type FormEvent, type ReactNode, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ValidationIssue } from '../../../../../../shared/errors';
import { type ReviewActionInput, reviewActionSchema } from '../../../../../../shared/review/actions';
import type { AllowedAction } from '../../../../../../shared/review/view';
import { api } from '../../../../api';
import { Modal } from '../../../../components/Modal';
import {
  errorCode,
  errorMessage,
  normalizeFieldPath,
  reportIfUnauthenticated,
  validationIssues,
} from '../../../../lib/api-errors';
import { useReview } from '../review-context';
import { DialogFormContext } from './dialog-form-context';

/**
 * What a dialog's form yields on submit: the action as filled in, and the problems the dialog itself
 * found (an unchosen person, a missing date). The frame adds the action schema's own checks (required
 * texts, lengths) for the other fields, so every problem shows at once.
 */
export interface Built {
  action: ReviewActionInput;
  issues?: ValidationIssue[];
  /** Fields whose schema problems the dialog's own issues already explain (shown once). */
  covered?: string[];
}

const CYRILLIC = /[А-Яа-яЁёІіЎў]/;
/** Refusals after which the card on screen is out of date. */
const STALE: ReadonlySet<string> = new Set([
  'CONFLICT',
  'NOT_ALLOWED',
  'ILLEGAL_TRANSITION',
  'TERM_EXPIRED',
  'NOT_FOUND',
]);

/**
 * Field paths as the dialogs name them: `action.executors.0.dueDate` → `executors[0].dueDate`; a problem
 * with one file (`files.1`) is shown at the files.
 */
function toDialogIssue(issue: ValidationIssue, fallback: string): ValidationIssue {
  const field = normalizeFieldPath(issue.field.replace(/^action\./, '')).replace(/^files\[\d+\].*$/, 'files');
  return { ...issue, field, message: CYRILLIC.test(issue.message) ? issue.message : fallback };
}

function schemaIssues(action: ReviewActionInput, fallback: string): ValidationIssue[] {
  const parsed = reviewActionSchema.safeParse(action);
  if (parsed.success) return [];
  return parsed.error.issues.map((i) =>
    toDialogIssue({ field: i.path.join('.'), rule: i.code, message: i.message }, fallback),
  );
}

/**
 * The one frame of every review action dialog: the Modal, the form, submit and cancel, the busy state,
 * the issues at their fields (`data-field-slot`) and anything else — refusals, conflicts, issues of
 * fields the dialog does not show — in Russian above the buttons. It sends `review:perform` with the
 * version of the review view the user saw.
 */
export function DialogForm(props: {
  target: AllowedAction;
  build(): Built;
  /** Files still uploading: submitting waits for them. */
  uploading?: boolean;
  submitLabel?: string;
  title?: string;
  wide?: boolean;
  /**
   * Sends what was built another way than `review:perform` (signing with ЭЦП: `signing:sign`); the
   * action schema is then not checked here — the dialog's own issues are.
   */
  send?(version: number): Promise<unknown>;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { card, view, close, done, refresh } = useReview();
  const formRef = useRef<HTMLFormElement>(null);
  const [busy, setBusy] = useState(false);
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  const [general, setGeneral] = useState<string[]>([]);
  const title = props.title ?? t(`review.actions.${props.target.type}`);

  const show = (found: ValidationIssue[]) => {
    const form = formRef.current;
    const slots = new Set(
      Array.from(form?.querySelectorAll<HTMLElement>('[data-field-slot]') ?? []).map((el) => el.dataset.fieldSlot),
    );
    setIssues(found.filter((i) => slots.has(i.field)));
    setGeneral(found.filter((i) => !slots.has(i.field)).map((i) => i.message));
    const invalid = new Set(found.map((i) => i.field));
    const first = Array.from(form?.querySelectorAll<HTMLElement>('[data-field]') ?? []).find((el) =>
      invalid.has(el.dataset.field ?? ''),
    );
    first?.focus();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (props.uploading) {
      show([{ field: '', rule: 'uploading', message: t('review.form.uploadsPending') }]);
      return;
    }
    const { action: built, issues: own = [], covered = [] } = props.build();
    const explained = new Set([...covered, ...own.map((o) => o.field)]);
    const fromSchema = props.send
      ? []
      : schemaIssues(built, t('review.form.invalid')).filter((i) => !explained.has(i.field));
    if (own.length > 0 || fromSchema.length > 0) {
      show([...own, ...fromSchema]);
      return;
    }
    setBusy(true);
    setIssues([]);
    setGeneral([]);
    try {
      if (props.send) await props.send(view.version);
      else
        await api.call('review:perform', {
          appealId: card.id,
          expectedVersion: view.version,
          action: reviewActionSchema.parse(built),
        });
      done(props.target.type);
    } catch (err) {
      reportIfUnauthenticated(err);
      const found = validationIssues(err).map((i) => toDialogIssue(i, t('review.form.invalid')));
      const code = errorCode(err);
      if (found.length > 0) show(found);
      else setGeneral(code === 'CONFLICT' ? [errorMessage(err), t('review.form.conflict')] : [errorMessage(err)]);
      // Someone acted meanwhile, or the time ran out: the buttons and the version shown must catch up.
      if (code !== null && STALE.has(code)) refresh();
      setBusy(false);
    }
  };

  const context = useMemo(() => ({ issues, busy }), [issues, busy]);
  return (
    <Modal title={title} onClose={() => !busy && close()} testId={`review-dialog-${props.target.type}`}>
      <DialogFormContext.Provider value={context}>
        <form
          ref={formRef}
          className={props.wide ? 'review-dialog wide' : 'review-dialog'}
          noValidate
          onSubmit={(e) => void submit(e)}
          onChange={(e) => {
            // Editing a field takes its complaint away; the others stay until the next submit.
            const field = e.target instanceof HTMLElement ? e.target.dataset.field : undefined;
            if (field)
              setIssues((list) => (list.some((i) => i.field === field) ? list.filter((i) => i.field !== field) : list));
          }}
          aria-busy={busy}
        >
          <fieldset className="review-dialog-fields" disabled={busy}>
            {props.children}
          </fieldset>
          {general.length > 0 && (
            <div className="banner banner-error" role="alert" data-testid="review-dialog-error">
              {general.map((m) => (
                <div key={m}>{m}</div>
              ))}
            </div>
          )}
          <div className="review-dialog-buttons">
            <button type="submit" className="primary" disabled={busy} data-testid="review-dialog-submit">
              {busy ? t('review.form.submitting') : (props.submitLabel ?? title)}
            </button>
            <button type="button" disabled={busy} onClick={close} data-testid="review-dialog-cancel">
              {t('review.form.cancel')}
            </button>
          </div>
        </form>
      </DialogFormContext.Provider>
    </Modal>
  );
}
