import { describe, expect, it } from 'vitest';
import {
  endOfMinskDay,
  formatMinsk,
  formatMinskRu,
  minskDayStart,
  minskYear,
  parseInstant,
  toMinsk,
} from '../../../../shared/calendar';

describe('Minsk time (fixed UTC+03:00)', () => {
  it('formats instants in ISO 8601 with +03:00', () => {
    expect(formatMinsk(new Date('2026-03-06T14:30:00Z'))).toBe('2026-03-06T17:30:00.000+03:00');
    expect(formatMinsk(new Date('2026-03-06T21:00:00Z'))).toBe('2026-03-07T00:00:00.000+03:00');
    expect(formatMinsk(new Date('2026-07-01T20:59:59.999Z'))).toBe('2026-07-01T23:59:59.999+03:00'); // no DST in summer
    expect(formatMinskRu(new Date('2026-03-06T14:30:45Z'), true)).toBe('06.03.2026 17:30:45');
  });

  it('splits an instant into the Minsk day and time of day', () => {
    expect(toMinsk(new Date('2025-12-31T21:00:00Z'))).toEqual({ date: '2026-01-01', msOfDay: 0 });
    expect(toMinsk(new Date('2025-12-31T20:59:59.999Z')).date).toBe('2025-12-31');
    expect(minskYear(new Date('2025-12-31T21:30:00Z'))).toBe(2026);
  });

  it('gives the start and the end of a Minsk day', () => {
    expect(minskDayStart('2026-03-06').toISOString()).toBe('2026-03-05T21:00:00.000Z');
    expect(endOfMinskDay('2026-03-06').toISOString()).toBe('2026-03-06T20:59:59.999Z');
    expect(endOfMinskDay('2024-02-29').toISOString()).toBe('2024-02-29T20:59:59.999Z');
  });

  it.each([
    ['2026-03-06T17:30:00+03:00', '2026-03-06T14:30:00.000Z'],
    ['2026-03-06T17:30', '2026-03-06T14:30:00.000Z'], // no offset: Minsk wall clock
    ['2026-03-06T14:30:00Z', '2026-03-06T14:30:00.000Z'],
    ['2026-03-06T12:30:00.5+01:00', '2026-03-06T11:30:00.500Z'],
    ['2026-03-06T00:30:00-02:00', '2026-03-06T02:30:00.000Z'],
  ])('parses %s', (text, iso) => {
    expect(parseInstant(text)?.toISOString()).toBe(iso);
  });

  it.each([
    '2026-02-30T10:00:00+03:00',
    '2026-03-06T24:00',
    '2026-03-06',
    '06.03.2026 10:00',
    '2026-03-06T10:00+15:00',
    '',
  ])('rejects %j', (text) => {
    expect(parseInstant(text)).toBeUndefined();
  });
});
