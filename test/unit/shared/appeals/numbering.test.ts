import { describe, expect, it } from 'vitest';
import { formatRegNumber, seqOfRegNumber } from '../../../../shared/appeals';

describe('seqOfRegNumber', () => {
  const parts = { index: 'ОГ', year: 2026, kind: 'complaint' as const };

  it('reads back the sequence number formatRegNumber wrote, whatever the pattern', () => {
    for (const pattern of [
      '{index}-{year}-{seq}',
      '{index}/{yy}-{seq:4}',
      '{seq}-{kind}/{year}',
      'Обр.{seq:3}({index})',
    ]) {
      for (const seq of [1, 17, 1234]) {
        expect(seqOfRegNumber(pattern, parts, formatRegNumber(pattern, { ...parts, seq }))).toBe(seq);
      }
    }
  });

  it('is null for a number of another form, year, index or kind', () => {
    expect(seqOfRegNumber('{index}-{year}-{seq}', parts, 'ВР-01-2026-3')).toBeNull();
    expect(seqOfRegNumber('{index}-{year}-{seq}', parts, 'ОГ-2027-3')).toBeNull();
    expect(seqOfRegNumber('{index}-{year}-{seq}', { ...parts, index: 'Б' }, 'ОГ-2026-3')).toBeNull();
    expect(seqOfRegNumber('{seq}-{kind}', parts, '3-З')).toBeNull();
    expect(seqOfRegNumber('{index}-{year}', parts, 'ОГ-2026')).toBeNull();
    // Pattern characters are literal, not regular-expression syntax.
    expect(seqOfRegNumber('{index}.{seq}', parts, 'ОГx5')).toBeNull();
  });
});
