import type { AppealKind } from './enums';

const KIND_LETTER: Record<AppealKind, string> = { statement: 'З', proposal: 'П', complaint: 'Ж' };

export interface NumberParts {
  index: string;
  year: number;
  seq: number;
  kind: AppealKind;
}

/**
 * Formats a registration number by the organisation's pattern (regulation 4.4: the number is assigned
 * on registration). Tokens: {index} {year} {yy} {seq} {seq:N} (zero-padded to N) {kind} (З/П/Ж).
 */
export function formatRegNumber(pattern: string, parts: NumberParts): string {
  return pattern.replace(/\{(index|year|yy|kind|seq)(?::(\d{1,2}))?\}/g, (_, token: string, pad?: string) => {
    switch (token) {
      case 'index':
        return parts.index;
      case 'year':
        return String(parts.year);
      case 'yy':
        return String(parts.year % 100).padStart(2, '0');
      case 'kind':
        return KIND_LETTER[parts.kind];
      default:
        return String(parts.seq).padStart(Number(pad ?? 0), '0');
    }
  });
}

/** A pattern must contain {seq}, or numbers would not be unique. */
export function isValidNumberingPattern(pattern: string): boolean {
  return /\{seq(?::\d{1,2})?\}/.test(pattern) && pattern.length <= 60;
}

/** Provisional numbers (offline registration, design.md) carry a visible mark and the workstation code. */
export function provisionalRegNumber(workstation: string, year: number, seq: number): string {
  return `ВР-${workstation}-${year}-${seq}`;
}

const SEQ_TOKEN = /\{seq(?::\d{1,2})?\}/;

/**
 * The sequence number inside a registration number made by `pattern` (the inverse of
 * `formatRegNumber` for known index, year and kind), or null when the number does not have that form:
 * what a card numbered elsewhere sorts by.
 */
export function seqOfRegNumber(pattern: string, parts: Omit<NumberParts, 'seq'>, regNumber: string): number | null {
  const literal = (text: string) => formatRegNumber(text, { ...parts, seq: 0 }).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const [first = '', ...rest] = pattern.split(SEQ_TOKEN);
  if (rest.length === 0) return null;
  const source = `^${literal(first)}${rest.map((text) => `(\\d+)${literal(text)}`).join('')}$`;
  const seq = new RegExp(source).exec(regNumber)?.[1];
  return seq === undefined ? null : Number(seq);
}
