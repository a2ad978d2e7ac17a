import type {
  AnswerForm,
  AppealKind,
  AppealSource,
  AppealType,
  ApplicantKind,
  SubmissionForm,
} from '../../../shared/appeals';

/** Russian names of the card's closed vocabularies as the paper card prints them (same words as the UI). */
export const KIND_NAMES: Record<AppealKind, string> = {
  statement: 'заявление',
  proposal: 'предложение',
  complaint: 'жалоба',
};
export const TYPE_NAMES: Record<AppealType, string> = {
  individual: 'индивидуальное',
  collective: 'коллективное',
  anonymous: 'анонимное',
};
export const FORM_NAMES: Record<SubmissionForm, string> = {
  oral: 'устно',
  written: 'письменно',
  electronic: 'в электронном виде',
};
export const SOURCE_NAMES: Record<AppealSource, string> = {
  portal: 'портал обращения.бел',
  post: 'почта',
  courier: 'нарочно (курьер)',
  reception: 'личный приём',
  phone_line: 'прямая телефонная линия',
  json: 'загрузка JSON',
};
export const APPLICANT_KIND_NAMES: Record<ApplicantKind, string> = {
  person: 'физическое лицо',
  legal: 'юридическое лицо',
};
export const ANSWER_FORM_NAMES: Record<AnswerForm, string> = {
  electronic: 'в электронном виде',
  post: 'почтой',
};

/** '2026-03-10T09:30:00+03:00' (already Minsk wall-clock time) → '10.03.2026 09:30'. */
export function formatMinsk(iso: string | null): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]} ${m[4]}:${m[5]}` : iso;
}

/** The number as the card prints it: a provisional one is marked so nobody quotes it as final. */
export function printedNumber(regNumber: string | null, provisional: boolean): string {
  if (!regNumber) return 'без номера (не зарегистрировано)';
  return provisional ? `${regNumber} (предварительный)` : regNumber;
}

export function formatBytes(size: number): string {
  if (size < 1024) return `${size} Б`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1).replace('.', ',')} КБ`;
  return `${(size / 1024 / 1024).toFixed(1).replace('.', ',')} МБ`;
}
