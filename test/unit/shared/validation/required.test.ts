import { describe, expect, it } from 'vitest';
import { checkRequired, describeChar, isBlank } from '../../../../shared/validation';
import { pluralRu } from '../../../../shared/validation/plural';

describe('checkRequired', () => {
  it('blank values', () => {
    for (const value of [null, undefined, '', '  \n', []]) {
      expect(isBlank(value)).toBe(true);
      expect(checkRequired('summary', 'Краткое содержание', value)).toEqual([
        { field: 'summary', rule: 'required', message: 'Поле «Краткое содержание» обязательно для заполнения' },
      ]);
    }
  });

  it('filled values', () => {
    for (const value of ['a', 0, false, ['x'], {}]) {
      expect(checkRequired('f', 'Поле', value)).toEqual([]);
    }
  });
});

describe('helpers', () => {
  it('describeChar quotes visible and codes invisible characters', () => {
    expect(describeChar('q')).toBe('«q»');
    expect(describeChar('😀')).toBe('«😀»');
    expect(describeChar('\u200b')).toBe('U+200B (пробел нулевой ширины)');
    expect(describeChar('\u0301')).toBe('U+0301 (комбинируемый знак)');
    expect(describeChar('\ud800')).toBe('U+D800 (повреждённый символ)');
  });

  it('pluralRu', () => {
    const forms = (n: number) => pluralRu(n, 'символ', 'символа', 'символов');
    expect([1, 2, 5, 11, 12, 21, 22, 25, 111, 101].map(forms)).toEqual([
      'символ',
      'символа',
      'символов',
      'символов',
      'символов',
      'символ',
      'символа',
      'символов',
      'символов',
      'символ',
    ]);
  });
});
