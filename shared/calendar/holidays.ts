import { type LocalDate, parseLocalDate } from './local-date';
import { radunitsa } from './orthodox-easter';

/**
 * Public holidays and feast days that are days off in Belarus (Labour Code art. 147; Decree of the
 * President No. 157 of 26.03.1998 as amended). A holiday falling on a Saturday or Sunday is NOT
 * moved to a weekday; bridges are made only by the Council of Ministers' transfers (see transfers.ts).
 */
const FIXED_HOLIDAYS: Readonly<Record<string, string>> = {
  '01-01': 'Новый год',
  '01-02': 'Новый год',
  '01-07': 'Рождество Христово (православное Рождество)',
  '03-08': 'День женщин',
  '05-01': 'Праздник труда',
  '05-09': 'День Победы',
  '07-03': 'День Независимости Республики Беларусь',
  '11-07': 'День Октябрьской революции',
  '12-25': 'Рождество Христово (католическое Рождество)',
};

export const RADUNITSA_NAME = 'Радуница';

/** The Russian name of the public holiday on `date`, or undefined for an ordinary day. */
export function publicHoliday(date: LocalDate): string | undefined {
  const parts = parseLocalDate(date);
  if (!parts) return undefined;
  const fixed = FIXED_HOLIDAYS[date.slice(5)];
  if (fixed) return fixed;
  return radunitsa(parts.year) === date ? RADUNITSA_NAME : undefined;
}

/** All public holidays of a year, in date order. */
export function publicHolidaysOf(year: number): { date: LocalDate; name: string }[] {
  const days = Object.entries(FIXED_HOLIDAYS).map(([md, name]) => ({ date: `${year}-${md}`, name }));
  days.push({ date: radunitsa(year), name: RADUNITSA_NAME });
  return days.sort((x, y) => (x.date < y.date ? -1 : 1));
}
