import type {
  AnswerForm,
  AppealCard,
  AppealDraft,
  AppealKind,
  AppealSource,
  AppealType,
  Applicant,
  Attachment,
  SubmissionForm,
} from '../../../../shared/appeals';
import { EMPTY_APPLICANT } from '../../../../shared/appeals';
import { localInputToIso, nowLocalInput, toLocalInput } from '../../lib/minsk-date';

/** The card as the form edits it: plain strings for inputs, receipt time as a Minsk `datetime-local` value. */
export interface FormState {
  kind: AppealKind;
  appealType: AppealType;
  form: SubmissionForm;
  source: AppealSource;
  answerForm: AnswerForm;
  applicant: Applicant;
  applicantCategory: string;
  summary: string;
  content: string;
  topicCodes: string[];
  territoryCode: string;
  receivedAt: string;
  needsAdditionalStudy: boolean;
  responsibleHeadId: string;
  notes: string;
  /** Earlier appeals the clerk marked this one as repeating. */
  repeatOf: string[];
  attachments: Attachment[];
}

export type ApplicantField = Exclude<keyof Applicant, 'kind'>;

/** Where an appeal of each form usually comes from, and how its answer usually goes back. */
export const DEFAULT_SOURCE: Record<SubmissionForm, AppealSource> = {
  oral: 'reception',
  written: 'post',
  electronic: 'portal',
};
export const DEFAULT_ANSWER_FORM: Record<SubmissionForm, AnswerForm> = {
  oral: 'post',
  written: 'post',
  electronic: 'electronic',
};
/** Sources offered first for each form (all stay selectable). */
export const SOURCES_BY_FORM: Record<SubmissionForm, AppealSource[]> = {
  oral: ['reception', 'phone_line'],
  written: ['post', 'courier'],
  electronic: ['portal', 'json'],
};

export function emptyForm(now: Date = new Date()): FormState {
  return {
    kind: 'statement',
    appealType: 'individual',
    form: 'written',
    source: DEFAULT_SOURCE.written,
    answerForm: DEFAULT_ANSWER_FORM.written,
    applicant: { ...EMPTY_APPLICANT },
    applicantCategory: '',
    summary: '',
    content: '',
    topicCodes: [],
    territoryCode: '',
    receivedAt: nowLocalInput(now),
    needsAdditionalStudy: false,
    responsibleHeadId: '',
    notes: '',
    repeatOf: [],
    attachments: [],
  };
}

export function fromCard(card: AppealCard): FormState {
  return {
    kind: card.kind,
    appealType: card.appealType,
    form: card.form,
    source: card.source,
    answerForm: card.answerForm,
    applicant: { ...card.applicant },
    applicantCategory: card.applicantCategory,
    summary: card.summary,
    content: card.content,
    topicCodes: [...card.topicCodes],
    territoryCode: card.territoryCode,
    receivedAt: toLocalInput(card.receivedAt),
    needsAdditionalStudy: card.needsAdditionalStudy,
    responsibleHeadId: card.responsibleHeadId ?? '',
    notes: card.notes,
    repeatOf: [...card.repeatOf],
    attachments: card.attachments.map((a) => ({ ...a })),
  };
}

/** The wire draft; null when the receipt time is not a valid date-time (the form reports it itself). */
export function toDraft(s: FormState): AppealDraft | null {
  const receivedAt = localInputToIso(s.receivedAt);
  if (!receivedAt) return null;
  return {
    kind: s.kind,
    appealType: s.appealType,
    form: s.form,
    source: s.source,
    answerForm: s.answerForm,
    applicant: { ...s.applicant },
    applicantCategory: s.applicantCategory,
    summary: s.summary,
    content: s.content,
    topicCodes: s.topicCodes,
    territoryCode: s.territoryCode,
    receivedAt,
    needsAdditionalStudy: s.needsAdditionalStudy,
    responsibleHeadId: s.responsibleHeadId || null,
    notes: s.notes,
    repeatOf: s.repeatOf,
    attachments: s.attachments.map((a) => ({ sha256: a.sha256, name: a.name, participantsList: a.participantsList })),
  };
}
