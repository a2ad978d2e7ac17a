/**
 * Turns what a clerk types into an FTS5 MATCH expression: every word must occur, the last one as a
 * prefix (so results appear while typing), each quoted so that FTS5 operators and punctuation in the
 * input can never produce a syntax error; ё is folded to е as the index does (0001_fts.sql). Returns null when nothing searchable is left.
 */
export function ftsMatchExpression(input: string): string | null {
  const words = input
    .toLowerCase()
    .replaceAll('ё', 'е')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 8);
  if (words.length === 0) return null;
  return words.map((w, i) => (i === words.length - 1 ? `"${w}"*` : `"${w}"`)).join(' ');
}
