import { validateAppealDraft } from '../../../../shared/appeals/validate-appeal';
import type { ValidationIssue } from '../../../../shared/errors';
import { normalizeFieldPath } from '../../lib/api-errors';
import { i18n } from '../../lib/i18n-instance';
import { type FormState, toDraft } from './form-model';

/** Rules that need a file's bytes: only checkable for files chosen in this session. */
const CONTENT_RULES = new Set(['file-type', 'participants-list']);

/**
 * The same validation the services run (shared/appeals/validate-appeal), before sending: the clerk sees
 * every problem at once without a round trip. `heads` holds the first bytes of files uploaded here.
 */
export function clientIssues(
  state: FormState,
  mode: 'draft' | 'register',
  heads: ReadonlyMap<string, Uint8Array>,
): ValidationIssue[] {
  const draft = toDraft(state);
  if (!draft) return [{ field: 'receivedAt', rule: 'date-invalid', message: i18n.t('form.receivedAtInvalid') }];
  const files = state.attachments.map((a) => ({
    name: a.name,
    size: a.size,
    head: heads.get(a.sha256) ?? new Uint8Array(),
    participantsList: a.participantsList,
  }));
  const allBytesKnown = state.attachments.every((a) => heads.has(a.sha256));
  const issues = validateAppealDraft(draft, {
    mode,
    files,
    ...(mode === 'register' ? { registeredAt: new Date() } : {}),
  });
  return issues
    .filter((i) => allBytesKnown || !CONTENT_RULES.has(i.rule))
    .map((i) => ({ ...i, field: normalizeFieldPath(i.field) }));
}

/** On leaving a field: what is already wrong with what was typed there (no "required" nagging). */
export function fieldIssues(state: FormState, path: string, heads: ReadonlyMap<string, Uint8Array>): ValidationIssue[] {
  return clientIssues(state, 'draft', heads).filter((i) => i.field === path);
}
