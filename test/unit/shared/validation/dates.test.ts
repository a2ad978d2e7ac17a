import { describe, expect, it } from 'vitest';
import { checkNotInFuture, checkRegistrationAfterReceipt } from '../../../../shared/validation';

const at = (iso: string) => new Date(iso);

describe('checkRegistrationAfterReceipt', () => {
  it('registration on or after the receipt day passes', () => {
    expect(checkRegistrationAfterReceipt(at('2025-03-10T10:00:00+03:00'), at('2025-03-10T10:00:00+03:00'))).toEqual([]);
    expect(checkRegistrationAfterReceipt(at('2025-03-10T10:00:00+03:00'), at('2025-03-11T09:00:00+03:00'))).toEqual([]);
  });

  it('a registration date picked as midnight of the receipt day passes (dates, not moments)', () => {
    expect(checkRegistrationAfterReceipt(at('2025-03-10T17:45:00+03:00'), at('2025-03-10T00:00:00+03:00'))).toEqual([]);
  });

  it('a registration on an earlier day is refused', () => {
    expect(checkRegistrationAfterReceipt(at('2025-03-10T00:30:00+03:00'), at('2025-03-09T23:59:00+03:00'))).toEqual([
      {
        field: 'registeredAt',
        rule: 'registration-before-receipt',
        message: 'Дата регистрации (09.03.2025 23:59) не может быть раньше даты поступления (10.03.2025 00:30)',
      },
    ]);
  });

  it('compares calendar days in Minsk time, not UTC', () => {
    // 22:30 UTC on 9 March is already 10 March 01:30 in Minsk: same day as the receipt.
    expect(checkRegistrationAfterReceipt(at('2025-03-10T00:30:00+03:00'), at('2025-03-09T22:30:00Z'))).toEqual([]);
  });

  it('instant granularity compares moments', () => {
    const issues = checkRegistrationAfterReceipt(at('2025-03-10T10:00:00+03:00'), at('2025-03-10T09:59:00+03:00'), {
      granularity: 'instant',
    });
    expect(issues).toMatchObject([{ rule: 'registration-before-receipt' }]);
  });

  it('invalid dates', () => {
    expect(checkRegistrationAfterReceipt(new Date(Number.NaN), new Date(Number.NaN))).toMatchObject([
      { field: 'receivedAt', rule: 'date-invalid' },
      { field: 'registeredAt', rule: 'date-invalid' },
    ]);
  });
});

describe('checkNotInFuture', () => {
  const now = at('2025-03-10T12:00:00+03:00');

  it('past and now pass, future fails', () => {
    expect(checkNotInFuture('receivedAt', 'Дата поступления', at('2025-03-01T12:00:00+03:00'), now)).toEqual([]);
    expect(checkNotInFuture('receivedAt', 'Дата поступления', now, now)).toEqual([]);
    expect(checkNotInFuture('receivedAt', 'Дата поступления', at('2025-03-10T12:01:00+03:00'), now)).toEqual([
      {
        field: 'receivedAt',
        rule: 'future-date',
        message: 'Поле «Дата поступления»: дата 10.03.2025 12:01 ещё не наступила',
      },
    ]);
  });

  it('an invalid date', () => {
    expect(checkNotInFuture('receivedAt', 'Дата поступления', new Date('x'), now)).toMatchObject([
      { rule: 'date-invalid', message: 'Поле «Дата поступления»: неверная дата' },
    ]);
  });

  it('names both moments in Minsk time (UTC+3) across a year boundary', () => {
    const [issue] = checkRegistrationAfterReceipt(at('2026-01-01T00:05:00+03:00'), at('2025-12-31T21:00:00+03:00'));
    expect(issue?.message).toContain('01.01.2026 00:05');
  });
});
