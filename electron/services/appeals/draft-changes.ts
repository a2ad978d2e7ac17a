import { fieldLabel } from '../../../shared/appeals/field-labels';
import { type AppealDraft, appealDraftSchema } from '../../../shared/appeals/schema';
import { toMinskIso } from '../../../shared/calendar';
import type { Change } from '../history/record-history';

type Flat = Record<string, string>;

/** Only the card's requisites are compared: a whole card (id, status, history…) may be passed as `before`. */
const DRAFT_FIELDS: ReadonlySet<string> = new Set(Object.keys(appealDraftSchema.shape));

function flatten(draft: Partial<AppealDraft>): Flat {
  const out: Flat = {};
  for (const [key, value] of Object.entries(draft)) {
    if (!DRAFT_FIELDS.has(key)) continue;
    if (key === 'receivedAt' && typeof value === 'string') {
      // One instant, however it is written (with or without milliseconds).
      const ms = Date.parse(value);
      out[key] = Number.isNaN(ms) ? value : toMinskIso(new Date(ms));
    } else if (key === 'applicant' && value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) out[`applicant.${k}`] = String(v ?? '');
    } else if (Array.isArray(value)) {
      out[key] = value
        .map((item: unknown) => (typeof item === 'object' && item ? (item as { name: string }).name : String(item)))
        .join(', ');
    } else {
      out[key] = value === null || value === undefined ? '' : String(value);
    }
  }
  return out;
}

/** Field-by-field differences between two versions of a card, labelled in Russian for the history. */
export function draftChanges(before: Partial<AppealDraft>, after: Partial<AppealDraft>): Change[] {
  const a = flatten(before);
  const b = flatten(after);
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  const changes: Change[] = [];
  for (const key of keys) {
    const from = a[key] ?? '';
    const to = b[key] ?? '';
    if (from !== to) changes.push({ field: fieldLabel(key), from: clip(from), to: clip(to) });
  }
  return changes;
}

const clip = (s: string) => (s.length > 200 ? `${s.slice(0, 199)}…` : s);
