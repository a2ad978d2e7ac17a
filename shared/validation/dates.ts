import { formatMinskRu, minskDateOf } from '../calendar';
import type { ValidationIssue } from '../errors';

export interface RegistrationDateOptions {
  /**
   * `day` (default): compare calendar dates in Minsk time — the regulation speaks of dates [4.4]
   * («дата регистрации … не может быть раньше, чем дата подачи обращения») and a date picker gives
   * midnight. `instant`: compare moments, for a registration stamped with the current time.
   */
  granularity?: 'day' | 'instant';
}

function isValidDate(date: Date): boolean {
  return date instanceof Date && !Number.isNaN(date.getTime());
}

function invalidDate(field: string, label: string): ValidationIssue {
  return { field, rule: 'date-invalid', message: `Поле «${label}»: неверная дата` };
}

/**
 * [4.4] «дату регистрации обращения можно выбрать самостоятельно, но она не может быть раньше, чем
 * дата подачи обращения». Rule `registration-before-receipt` on `registeredAt`; `date-invalid` on
 * either field for an Invalid Date.
 */
export function checkRegistrationAfterReceipt(
  receivedAt: Date,
  registeredAt: Date,
  opts: RegistrationDateOptions = {},
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (!isValidDate(receivedAt)) issues.push(invalidDate('receivedAt', 'Дата поступления'));
  if (!isValidDate(registeredAt)) issues.push(invalidDate('registeredAt', 'Дата регистрации'));
  if (issues.length > 0) return issues;
  const earlier =
    (opts.granularity ?? 'day') === 'day'
      ? minskDateOf(registeredAt) < minskDateOf(receivedAt)
      : registeredAt.getTime() < receivedAt.getTime();
  if (!earlier) return [];
  const message = `Дата регистрации (${formatMinskRu(registeredAt)}) не может быть раньше даты поступления (${formatMinskRu(receivedAt)})`;
  return [{ field: 'registeredAt', rule: 'registration-before-receipt', message }];
}

/** A date that cannot lie ahead of `now` (receipt, registration). Rules `future-date`, `date-invalid`. */
export function checkNotInFuture(field: string, label: string, date: Date, now: Date): ValidationIssue[] {
  if (!isValidDate(date)) return [invalidDate(field, label)];
  if (date.getTime() <= now.getTime()) return [];
  const message = `Поле «${label}»: дата ${formatMinskRu(date)} ещё не наступила`;
  return [{ field, rule: 'future-date', message }];
}
