/**
 * Password rules (issue #10 "Accounts"; regulation 6.3 asks for password protection of the workstation):
 * at least 10 characters with a letter and a digit, upper- and lower-case letters, not the login itself.
 * «Not reused» needs the stored hashes and is checked by the service. Pure, so the form shows the same
 * messages as the service returns.
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;
/** A new password may repeat none of the account's last N passwords (the current one included). */
export const PASSWORD_HISTORY_DEPTH = 5;

export type PasswordRule = 'length' | 'letter' | 'digit' | 'case' | 'login' | 'too-long';

const MISSING: Record<PasswordRule, string> = {
  length: `не менее ${PASSWORD_MIN_LENGTH} символов`,
  letter: 'хотя бы одна буква',
  digit: 'хотя бы одна цифра',
  case: 'заглавные и строчные буквы',
  login: 'не совпадать с именем пользователя',
  'too-long': `не более ${PASSWORD_MAX_LENGTH} символов`,
};

/** The rules a password breaks, in a stable order; empty when it is acceptable. */
export function passwordProblems(password: string, login: string): PasswordRule[] {
  const problems: PasswordRule[] = [];
  const chars = [...password];
  if (chars.length < PASSWORD_MIN_LENGTH) problems.push('length');
  if (chars.length > PASSWORD_MAX_LENGTH) problems.push('too-long');
  if (!/\p{L}/u.test(password)) problems.push('letter');
  if (!/\p{Nd}/u.test(password)) problems.push('digit');
  if (/\p{L}/u.test(password) && !(/\p{Lu}/u.test(password) && /\p{Ll}/u.test(password))) problems.push('case');
  const name = login.trim().toLocaleLowerCase('ru');
  if (name && password.trim().toLocaleLowerCase('ru') === name) problems.push('login');
  return problems;
}

/** «Пароль не подходит: нужно не менее 10 символов, хотя бы одна цифра» — names everything missing. */
export function passwordProblemsMessage(problems: readonly PasswordRule[]): string {
  return `Пароль не подходит: нужно ${problems.map((p) => MISSING[p]).join(', ')}`;
}
