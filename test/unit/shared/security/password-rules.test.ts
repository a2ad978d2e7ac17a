import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  PASSWORD_MIN_LENGTH,
  passwordProblems,
  passwordProblemsMessage,
} from '../../../../shared/security/password-rules';

describe('password rules', () => {
  it('accepts a long mixed-case password with a digit, Cyrillic included', () => {
    expect(passwordProblems('Весна2026года', 'clerk')).toEqual([]);
    expect(passwordProblems('Correct7Horse', 'clerk')).toEqual([]);
  });

  it('names everything that is missing, in Russian', () => {
    expect(passwordProblems('abc', 'clerk')).toEqual(['length', 'digit', 'case']);
    expect(passwordProblemsMessage(passwordProblems('abc', 'clerk'))).toBe(
      'Пароль не подходит: нужно не менее 10 символов, хотя бы одна цифра, заглавные и строчные буквы',
    );
    expect(passwordProblems('1234567890', 'clerk')).toEqual(['letter']);
    expect(passwordProblemsMessage(['letter'])).toBe('Пароль не подходит: нужно хотя бы одна буква');
  });

  it('refuses the login itself, whatever the case', () => {
    expect(passwordProblems('Ivanov2026X', 'ivanov2026x')).toEqual(['login']);
    expect(passwordProblemsMessage(['login'])).toContain('не совпадать с именем пользователя');
  });

  it('counts characters, not UTF-16 units, and any acceptable password passes', () => {
    expect(passwordProblems('Аб1😀😀😀😀😀😀', 'x')).toEqual(['length']);
    fc.assert(
      fc.property(fc.string({ minLength: PASSWORD_MIN_LENGTH, maxLength: 40 }), (tail) => {
        const password = `Aa1${tail}`;
        const problems = passwordProblems(password, 'some.login');
        expect(problems.filter((p) => p !== 'too-long')).toEqual([]);
      }),
    );
  });
});
