import { describe, expect, it } from 'vitest';
import { checkEmail, normalizeEmail } from '../../../../shared/validation';

const check = (value: string | null | undefined, required = false) =>
  checkEmail('applicant.email', value, { required });

describe('checkEmail', () => {
  it.each([
    'ivanov@mail.by',
    'i.ivanov+appeals@gov.example.com',
    'user@обращения.бел',
    "o'brien@xn--90ais.xn--90ais",
    '  ivanov@mail.by  ',
  ])('accepts %s', (value) => {
    expect(check(value)).toEqual([]);
  });

  it('blank: required only when asked', () => {
    expect(check('')).toEqual([]);
    expect(check('  ', true)).toEqual([
      { field: 'applicant.email', rule: 'required', message: 'Поле «Электронная почта» обязательно для заполнения' },
    ]);
    expect(checkEmail('e', undefined, { required: true, label: 'E-mail' })[0]?.message).toBe(
      'Поле «E-mail» обязательно для заполнения',
    );
  });

  it('needs exactly one @', () => {
    expect(check('ivanov.mail.by')).toMatchObject([{ rule: 'email-format' }]);
    expect(check('ivanov.mail.by')[0]?.message).toContain('«@»');
    expect(check('a@b@mail.by')).toMatchObject([{ rule: 'email-format', char: '@', position: 4 }]);
  });

  it('names a bad character with its position, counting leading spaces', () => {
    expect(check('иванов@mail.by')[0]).toMatchObject({ rule: 'email-format', char: 'и', position: 1 });
    expect(check('иванов@mail.by')).toHaveLength(3);
    expect(check(' iva nov@mail.by')).toMatchObject([{ rule: 'email-format', char: ' ', position: 5 }]);
    expect(check('ivanov@ma_il.by')).toMatchObject([{ char: '_', position: 10 }]);
  });

  it('rejects malformed parts', () => {
    for (const value of [
      '@mail.by',
      'ivanov@',
      '.ivanov@mail.by',
      'iva..nov@mail.by',
      'ivanov@mail',
      'ivanov@-mail.by',
      'ivanov@mail.b',
      'ivanov@mail.123',
    ]) {
      expect(check(value).length, value).toBeGreaterThan(0);
    }
  });

  it('too long', () => {
    const long = `${'a'.repeat(60)}@${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.${'e'.repeat(20)}`;
    expect(check(long).map((i) => i.rule)).toContain('too-long');
    expect(check(`${'a'.repeat(65)}@mail.by`)).toMatchObject([{ rule: 'email-format' }]);
  });

  it('normalizeEmail trims and lower-cases the domain only', () => {
    expect(normalizeEmail('  Ivanov@Mail.BY ')).toBe('Ivanov@mail.by');
    expect(normalizeEmail('User@ОБРАЩЕНИЯ.БЕЛ')).toBe('User@обращения.бел');
  });
});
