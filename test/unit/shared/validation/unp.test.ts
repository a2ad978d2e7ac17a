import { describe, expect, it } from 'vitest';
import { checkUnp, normalizeUnp } from '../../../../shared/validation';

describe('checkUnp', () => {
  it('accepts exactly nine digits', () => {
    expect(checkUnp('applicant.unp', '190123456')).toEqual([]);
  });

  it('blank is required', () => {
    for (const value of ['', '   ', null, undefined]) {
      expect(checkUnp('applicant.unp', value)).toEqual([
        { field: 'applicant.unp', rule: 'required', message: 'Поле «УНП» обязательно для заполнения' },
      ]);
    }
  });

  it('names a wrong length', () => {
    expect(checkUnp('applicant.unp', '19012345')).toEqual([
      { field: 'applicant.unp', rule: 'unp-length', message: 'УНП должен состоять из 9 цифр, введено символов: 8' },
    ]);
    expect(checkUnp('applicant.unp', '1901234567')[0]?.rule).toBe('unp-length');
  });

  it('names a non-digit and its position', () => {
    expect(checkUnp('applicant.unp', '19О123456')).toEqual([
      {
        field: 'applicant.unp',
        rule: 'unp-digits',
        message: 'УНП: недопустимый символ «О» в позиции 3 — допускаются только цифры',
        char: 'О',
        position: 3,
      },
    ]);
  });

  it('reports spaces (by code) and both problems together', () => {
    const issues = checkUnp('applicant.unp', '190 12345');
    expect(issues.map((i) => i.rule)).toEqual(['unp-digits']);
    expect(issues[0]?.message).toContain('U+0020 (пробел) в позиции 4');
    expect(checkUnp('applicant.unp', 'AB12').map((i) => i.rule)).toEqual(['unp-digits', 'unp-digits', 'unp-length']);
  });

  it('reports at most three non-digits', () => {
    expect(checkUnp('applicant.unp', 'abcdefghi')).toHaveLength(3);
  });

  it('normalizeUnp removes spaces', () => {
    expect(normalizeUnp(' 190 123\u00a0456 ')).toBe('190123456');
  });
});
