import type { ValidationIssue } from '../errors';

/** Message of the `required` rule: mandatory fields are checked on registration [4.4]. */
export function requiredMessage(label: string): string {
  return `Поле «${label}» обязательно для заполнения`;
}

export function requiredIssue(field: string, label: string): ValidationIssue {
  return { field, rule: 'required', message: requiredMessage(label) };
}

/** Absent, an empty or whitespace-only string, or an empty array. */
export function isBlank(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

/**
 * "контроль обязательности заполнения данных" [4.4]: one `required` issue when the value is
 * blank (see `isBlank`), otherwise none.
 */
export function checkRequired(field: string, label: string, value: unknown): ValidationIssue[] {
  return isBlank(value) ? [requiredIssue(field, label)] : [];
}
