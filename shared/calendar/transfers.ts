import type { LocalDate } from './local-date';

/**
 * A Council of Ministers transfer of a working day: `dayOff` (a weekday) becomes a day off and
 * `workday` (a Saturday) is worked instead. Data, not code: the regulation 4.4 keeps the national
 * working / non-working days in the system, and later years come from the database (administrator).
 */
export interface Transfer {
  year: number;
  dayOff: LocalDate;
  workday: LocalDate;
  /** The legal act, e.g. 'постановление Совета Министров № 814 от 23.11.2023'. */
  source: string;
}

const RES_2024 = 'постановление Совета Министров № 814 от 23.11.2023';
const RES_2025 = 'постановление Совета Министров № 839 от 14.11.2024';
const RES_2026 = 'постановление Совета Министров № 397 от 22.07.2025';

/** Published transfers. 2027: not published yet — the administrator adds it as data. */
export const BELARUS_TRANSFERS: readonly Transfer[] = [
  { year: 2024, dayOff: '2024-05-13', workday: '2024-05-18', source: RES_2024 },
  { year: 2024, dayOff: '2024-11-08', workday: '2024-11-16', source: RES_2024 },
  { year: 2025, dayOff: '2025-01-06', workday: '2025-01-11', source: RES_2025 },
  { year: 2025, dayOff: '2025-04-28', workday: '2025-04-26', source: RES_2025 },
  { year: 2025, dayOff: '2025-07-04', workday: '2025-07-12', source: RES_2025 },
  { year: 2025, dayOff: '2025-12-26', workday: '2025-12-20', source: RES_2025 },
  { year: 2026, dayOff: '2026-04-20', workday: '2026-04-25', source: RES_2026 },
];
