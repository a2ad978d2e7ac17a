/** Which classifier topics demo appeals get, with the proportions a district administration sees. */
import { LEAF_TOPIC_CODES } from './dictionaries';
import type { Rng } from './prng';
import { BE_TEXTS } from './texts-be';

const SECTION_WEIGHTS: Readonly<Record<string, number>> = {
  '01': 30,
  '02': 7,
  '03': 10,
  '04': 6,
  '05': 6,
  '06': 12,
  '07': 4,
  '08': 8,
  '09': 4,
  '10': 5,
  '11': 4,
  '12': 1.5,
  '13': 3,
};

/** Topics an organisation (legal entity) writes about; its texts speak as «we». */
export const LEGAL_LEAVES: readonly string[] = [
  '01.003',
  '01.006',
  '01.008',
  '03.002',
  '03.003',
  '08.003',
  '09.001',
  '11.001',
  '13.001',
  '13.002',
];

/** Topics residents write about together (collective appeals). */
export const COLLECTIVE_LEAVES: readonly string[] = [
  ...LEAF_TOPIC_CODES.filter((c) => c.startsWith('01.')),
  '03.001',
  '03.002',
  '03.003',
  '09.001',
  '09.004',
  '10.001',
  '11.001',
  '11.002',
  '12.002',
];

/** Topics with Belarusian texts. */
export const BELARUSIAN_LEAVES: readonly string[] = Object.values(BE_TEXTS.sections).flatMap((s) =>
  Object.keys(s.leaves),
);

const section = (code: string) => code.slice(0, 2);

function weightedTable(codes: readonly string[]): (readonly [string, number])[] {
  const perSection = new Map<string, number>();
  for (const code of codes) perSection.set(section(code), (perSection.get(section(code)) ?? 0) + 1);
  return codes.map((code) => [code, (SECTION_WEIGHTS[section(code)] ?? 1) / (perSection.get(section(code)) ?? 1)]);
}

const TABLES = new Map<readonly string[], (readonly [string, number])[]>();

export function pickPrimaryTopic(rng: Rng, candidates: readonly string[] = LEAF_TOPIC_CODES): string {
  let table = TABLES.get(candidates);
  if (!table) {
    table = weightedTable(candidates);
    TABLES.set(candidates, table);
  }
  return rng.weighted(table);
}

/** The primary topic and 0–2 more, usually of the same section. */
export function pickTopics(rng: Rng, primary: string): string[] {
  const count = rng.weighted([
    [1, 70],
    [2, 22],
    [3, 8],
  ] as const);
  const topics = [primary];
  while (topics.length < count) {
    const sameSection = LEAF_TOPIC_CODES.filter((c) => section(c) === section(primary) && !topics.includes(c));
    const pool =
      rng.chance(0.75) && sameSection.length > 0 ? sameSection : LEAF_TOPIC_CODES.filter((c) => !topics.includes(c));
    topics.push(rng.pick(pool));
  }
  return topics;
}
