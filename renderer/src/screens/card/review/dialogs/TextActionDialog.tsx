import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewActionInput, ReviewFile } from '../../../../../../shared/review/actions';
import type { AllowedAction, ResolutionView } from '../../../../../../shared/review/view';
import type { Messages } from '../../../../i18n/ru';
import { FileLinks } from '../FileLinks';
import { useReview } from '../review-context';
import { DialogForm } from './DialogForm';
import { FilesField } from './FilesField';
import { TextAreaField } from './fields';
import { useReviewFiles } from './use-review-files';

export type TextActionType =
  | 'submitResult'
  | 'submitSummary'
  | 'sendMessage'
  | 'rejectResult'
  | 'returnSummary'
  | 'withdraw'
  | 'removeControl';

type Label = keyof Messages['review']['form'];
interface Spec {
  field: 'text' | 'reason' | 'note';
  label: Label;
  files?: boolean;
  optional?: boolean;
  build(target: AllowedAction, value: string, files: ReviewFile[]): ReviewActionInput;
}

const rid = (target: AllowedAction) => target.resolutionId ?? '';

/** The actions whose form is one text (and maybe files): what the text is called and what it becomes. */
const SPECS: Record<TextActionType, Spec> = {
  submitResult: {
    field: 'text',
    label: 'resultText',
    files: true,
    build: (target, text, files) => ({ type: 'submitResult', resolutionId: rid(target), text, files }),
  },
  submitSummary: {
    field: 'text',
    label: 'summaryText',
    files: true,
    build: (target, text, files) => ({ type: 'submitSummary', resolutionId: rid(target), text, files }),
  },
  sendMessage: {
    field: 'text',
    label: 'messageText',
    files: true,
    build: (_target, text, files) => ({ type: 'sendMessage', text, files }),
  },
  rejectResult: {
    field: 'reason',
    label: 'rejectReason',
    build: (target, reason) => ({
      type: 'rejectResult',
      resolutionId: rid(target),
      executorId: target.executorId ?? '',
      reason,
    }),
  },
  returnSummary: {
    field: 'reason',
    label: 'returnReason',
    build: (target, reason) => ({ type: 'returnSummary', resolutionId: rid(target), reason }),
  },
  withdraw: { field: 'note', label: 'withdrawNote', build: (_target, note) => ({ type: 'withdraw', note }) },
  removeControl: {
    field: 'note',
    label: 'removeControlNote',
    optional: true,
    build: (_target, note) => ({ type: 'removeControl', note }),
  },
};

/** What the user acts upon, shown above the text: the executor's result to check, the summary to sign. */
function Subject({ target, resolution }: { target: AllowedAction; resolution: ResolutionView | undefined }) {
  const { t } = useTranslation();
  if (!resolution) return null;
  if (target.type === 'rejectResult') {
    const task = resolution.tasks.find((x) => x.executor.id === target.executorId);
    if (!task) return null;
    return (
      <div className="dialog-subject" data-testid="review-dialog-subject">
        <div className="review-subhead">{t('review.form.executorResult', { name: task.executor.name })}</div>
        <div className="long-text">{task.resultText}</div>
        <FileLinks files={task.files} />
      </div>
    );
  }
  if (target.type === 'returnSummary' && resolution.summary) {
    return (
      <div className="dialog-subject" data-testid="review-dialog-subject">
        <div className="review-subhead">{t('review.resolutions.summary')}</div>
        <div className="long-text">{resolution.summary.text}</div>
        <FileLinks files={resolution.summary.files} />
      </div>
    );
  }
  return null;
}

/** One dialog for every action that is a text with optional files (result, summary, message, reasons). */
export function TextActionDialog({ target, type }: { target: AllowedAction; type: TextActionType }) {
  const { t } = useTranslation();
  const { card, view } = useReview();
  const spec = SPECS[type];
  const resolution = view.resolutions.find((r) => r.id === target.resolutionId);
  // The summary stays editable until it is signed [4.5]: editing starts from the current one.
  const editing = type === 'submitSummary' ? resolution?.summary : undefined;
  const [value, setValue] = useState(editing?.text ?? '');
  const files = useReviewFiles(editing?.files ?? []);
  const messageNeedsFile = type === 'sendMessage' && card.form === 'electronic';

  return (
    <DialogForm
      target={target}
      uploading={files.uploading}
      build={() => ({ action: spec.build(target, value, files.refs) })}
    >
      <Subject target={target} resolution={resolution} />
      <TextAreaField
        path={spec.field}
        label={t(`review.form.${spec.label}`)}
        value={value}
        onChange={setValue}
        required={!spec.optional}
        rows={spec.field === 'text' ? 6 : 3}
        autoFocus
      />
      {spec.files && (
        <FilesField
          files={files}
          required={messageNeedsFile}
          hint={messageNeedsFile ? t('review.form.messageFileRequired') : undefined}
        />
      )}
    </DialogForm>
  );
}
