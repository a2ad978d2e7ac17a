import { ApiCallError } from '../../../shared/contract';
import type { ValidationIssue } from '../../../shared/errors';
import { i18n } from './i18n-instance';

/** Fired when a call finds the session gone (logged out elsewhere, idle lock): the app returns to login. */
export const UNAUTHENTICATED_EVENT = 'arm:unauthenticated';

/** The Russian message for the clerk: the API's own, or a generic one for transport failures. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiCallError) return err.error.message;
  if (err instanceof TypeError) return i18n.t('app.networkError');
  return i18n.t('app.unknownError');
}

export function errorCode(err: unknown): string | null {
  return err instanceof ApiCallError ? err.error.code : null;
}

/** Call after every failed API call that is not handled specially: a lost session sends the user to login. */
export function reportIfUnauthenticated(err: unknown): void {
  if (errorCode(err) === 'NOT_AUTHENTICATED') window.dispatchEvent(new Event(UNAUTHENTICATED_EVENT));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function toIssue(raw: unknown): ValidationIssue | null {
  if (!isRecord(raw)) return null;
  const { field, rule, message, char, position } = raw;
  if (typeof message !== 'string') return null;
  const issue: ValidationIssue = {
    field: normalizeFieldPath(typeof field === 'string' ? field : ''),
    rule: typeof rule === 'string' ? rule : 'unknown',
    message,
  };
  if (typeof char === 'string') issue.char = char;
  if (typeof position === 'number') issue.position = position;
  return issue;
}

/**
 * `attachments.1.name`, `draft.attachments[1]`, `applicant.surname` → the form's paths
 * (`attachments[1]`, `applicant.surname`): numeric segments become indices, the request envelope
 * (`draft.`) is dropped, and anything below an attachment index is folded into the attachment.
 */
export function normalizeFieldPath(path: string): string {
  let p = path.replace(/^draft\./, '').replace(/\.(\d+)(?=\.|$)/g, '[$1]');
  const attachment = /^attachments\[\d+\]/.exec(p);
  if (attachment) p = attachment[0];
  return p;
}

/** Validation issues of a VALIDATION_FAILED (or a schema-level BAD_INPUT) error; empty for anything else. */
export function validationIssues(err: unknown): ValidationIssue[] {
  if (!(err instanceof ApiCallError)) return [];
  if (err.error.code !== 'VALIDATION_FAILED' && err.error.code !== 'BAD_INPUT') return [];
  const details = err.error.details;
  if (!isRecord(details) || !Array.isArray(details.issues)) return [];
  return details.issues.map(toIssue).filter((i): i is ValidationIssue => i !== null);
}

/** The message with each rule the input broke (the schema's Russian messages), for small admin forms. */
export function detailedErrorMessage(err: unknown): string {
  const issues = validationIssues(err).map((i) => i.message);
  return issues.length > 0 ? issues.join('; ') : errorMessage(err);
}
