import { addDays, type LocalDate, localDate } from './local-date';

/**
 * Orthodox Easter (Pascha) of `year` as a Gregorian date: Meeus's Julian computus, then the
 * Julian→Gregorian difference of that century (13 days for 1900–2099).
 */
export function orthodoxEaster(year: number): LocalDate {
  const a = year % 4;
  const b = year % 7;
  const c = year % 19;
  const d = (19 * c + 15) % 30;
  const e = (2 * a + 4 * b - d + 34) % 7;
  const month = Math.floor((d + e + 114) / 31); // 3 = March, 4 = April (Julian)
  const day = ((d + e + 114) % 31) + 1;
  const julianToGregorian = Math.floor(year / 100) - Math.floor(year / 400) - 2;
  return addDays(localDate(year, month, day), julianToGregorian);
}

/** Radunitsa: the Tuesday of the second week after Orthodox Easter, i.e. Easter + 9 days. */
export function radunitsa(year: number): LocalDate {
  return addDays(orthodoxEaster(year), 9);
}
