export {
  ANSWER_FORM_NAMES,
  APPLICANT_KIND_NAMES,
  FORM_NAMES,
  KIND_NAMES,
  SOURCE_NAMES,
  TYPE_NAMES,
} from '../../../shared/appeals/vocabulary-ru';

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
