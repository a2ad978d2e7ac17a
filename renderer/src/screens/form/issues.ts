import type { ValidationIssue } from '../../../../shared/errors';

/** The form field an issue is shown at: `registeredAt` is not editable, its rule is about the receipt time. */
export function displayField(field: string): string {
  if (field === 'registeredAt') return 'receivedAt';
  if (/^attachments\[\d+\]$/.test(field)) return field;
  return field.replace(/\[\d+\]$/, '');
}

export function messagesFor(issues: readonly ValidationIssue[], path: string): string[] {
  return issues.filter((i) => displayField(i.field) === path).map((i) => i.message);
}

/** Replaces the issues shown at one field. */
export function replaceIssuesAt(
  issues: readonly ValidationIssue[],
  path: string,
  next: readonly ValidationIssue[],
): ValidationIssue[] {
  return [...issues.filter((i) => displayField(i.field) !== path), ...next];
}

/** Focuses the first field (in the form's own order) that has an issue; returns whether one was found. */
export function focusFirstInvalid(form: HTMLElement | null, issues: readonly ValidationIssue[]): boolean {
  if (!form) return false;
  const invalid = new Set(issues.map((i) => displayField(i.field)));
  for (const el of form.querySelectorAll<HTMLElement>('[data-field]')) {
    const field = el.dataset.field;
    if (field && invalid.has(field)) {
      el.focus();
      el.scrollIntoView({ block: 'center' });
      return true;
    }
  }
  return false;
}
