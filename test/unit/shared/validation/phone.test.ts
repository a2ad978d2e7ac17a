import { describe, expect, it } from 'vitest';
import { checkPhone, formatPhone, normalizePhone } from '../../../../shared/validation';

describe('phone', () => {
  it.each([
    ['+375 29 123-45-67', '375291234567'],
    ['+375 (29) 123 45 67', '375291234567'],
    ['375291234567', '375291234567'],
    ['8 029 123-45-67', '375291234567'],
    ['8 017 234-56-78', '375172345678'],
    ['8 (0152) 12-34-56', '375152123456'],
    ['80441234567', '375441234567'],
    ['29 123-45-67', '375291234567'],
    ['+7 495 123-45-67', '74951234567'],
  ])('accepts %s as %s', (value, digits) => {
    expect(checkPhone('applicant.phone', value)).toEqual([]);
    expect(normalizePhone(value)).toBe(digits);
  });

  it('blank: required only when asked', () => {
    expect(checkPhone('p', '')).toEqual([]);
    expect(checkPhone('p', ' ', { required: true })).toMatchObject([{ rule: 'required' }]);
    expect(normalizePhone('')).toBeUndefined();
  });

  it('names a bad character and its position', () => {
    expect(checkPhone('p', '+375 29 12З-45-67')).toMatchObject([{ rule: 'phone-format', char: 'З', position: 11 }]);
    expect(checkPhone('p', '375+291234567')).toMatchObject([{ rule: 'phone-format', char: '+', position: 4 }]);
    expect(normalizePhone('+375 29 12З-45-67')).toBeUndefined();
  });

  it('wrong length', () => {
    expect(checkPhone('p', '+375 29 123-45-6')).toMatchObject([{ rule: 'phone-length' }]);
    expect(checkPhone('p', '+375 29 123-45-6')[0]?.message).toContain('введено 8');
    expect(checkPhone('p', '123-45-67')).toMatchObject([{ rule: 'phone-length' }]);
    expect(checkPhone('p', '+7 12')).toMatchObject([{ rule: 'phone-length' }]);
  });

  it('unknown code', () => {
    expect(checkPhone('p', '+375 99 123-45-67')).toMatchObject([{ rule: 'phone-code' }]);
    expect(normalizePhone('+375 99 123-45-67')).toBeUndefined();
  });

  it('formatPhone', () => {
    expect(formatPhone('375291234567')).toBe('+375 29 123-45-67');
    expect(formatPhone('74951234567')).toBe('+74951234567');
  });
});
