/** Values for the slots of the sentence templates ({street}, {date}, {monthGen} …) of one appeal. */
import type { Applicant } from '../appeals/schema';
import { addDays, minskDateOf } from '../calendar';
import { RU_MONTHS } from '../calendar/month-names';
import type { Slots } from './compose-text';
import type { Language, PersonName } from './names';
import { shortName } from './names';
import type { District } from './places';
import type { Rng } from './prng';

const BE_MONTHS = {
  nom: [
    'студзень',
    'люты',
    'сакавік',
    'красавік',
    'травень',
    'чэрвень',
    'ліпень',
    'жнівень',
    'верасень',
    'кастрычнік',
    'лістапад',
    'снежань',
  ],
  gen: [
    'студзеня',
    'лютага',
    'сакавіка',
    'красавіка',
    'траўня',
    'чэрвеня',
    'ліпеня',
    'жніўня',
    'верасня',
    'кастрычніка',
    'лістапада',
    'снежня',
  ],
  prep: [
    'студзені',
    'лютым',
    'сакавіку',
    'красавіку',
    'траўні',
    'чэрвені',
    'ліпені',
    'жніўні',
    'верасні',
    'кастрычніку',
    'лістападзе',
    'снежні',
  ],
};
const STOPS = {
  ru: ['Универсам', 'Поликлиника', 'Школа', 'Рынок', 'Больница', 'Детский сад', 'Стадион'],
  be: ['Універсам', 'Паліклініка', 'Школа', 'Рынак', 'Бальніца', 'Дзіцячы сад', 'Стадыён'],
};
const MONTHS_TEXT = ['два месяца', 'три месяца', 'полгода', 'несколько месяцев', 'более месяца'];

export interface SlotInput {
  applicant: Applicant;
  writer: PersonName;
  district: District;
  language: Language;
  receivedAt: Date;
}

/** «05.03.2025» of a day before the receipt. */
function earlierDate(rng: Rng, receivedAt: Date): string {
  const date = addDays(minskDateOf(receivedAt), -rng.int(7, 120));
  return `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;
}

export function textSlots(rng: Rng, input: SlotInput): Slots {
  const { applicant: a, language } = input;
  const be = language === 'be';
  const year = Number(minskDateOf(input.receivedAt).slice(0, 4));
  const monthIndex = (Number(minskDateOf(input.receivedAt).slice(5, 7)) - 1 - rng.int(1, 6) + 12) % 12;
  const months = be ? BE_MONTHS : RU_MONTHS;
  const since = year - rng.int(2, 12);
  const street = rng.pick(input.district.streets);
  return {
    fullName: [a.surname, a.name, a.patronymic].filter(Boolean).join(' '),
    address: a.address,
    orgName: a.orgName,
    unp: a.unp,
    shortName: shortName(a.kind === 'person' ? a : input.writer),
    phone: a.phone,
    street: be ? street[1] : street[0],
    house: String(rng.int(1, 140)),
    flat: String(rng.int(1, 280)),
    years: String(rng.pick([5, 6, 7, 8, 10, 12, 15, 20])),
    built: String(rng.int(1958, 1992)),
    nextYear: String(year + 1),
    since: String(since),
    sinceEnd: String(Math.min(year - 1, since + rng.int(2, 8))),
    family: String(rng.int(4, 7)),
    area: String(rng.int(28, 42)),
    route: String(rng.int(1, 160)),
    minutes: String(rng.pick([20, 25, 30, 35, 40, 45])),
    stop: rng.pick(be ? STOPS.be : STOPS.ru),
    school: String(rng.int(1, 220)),
    small: String(rng.pick([5, 6, 8, 10, 12])),
    n: String(rng.int(1, 60)),
    date: earlierDate(rng, input.receivedAt),
    monthNom: months.nom[monthIndex] ?? '',
    monthGen: months.gen[monthIndex] ?? '',
    monthPrep: months.prep[monthIndex] ?? '',
    monthsText: rng.pick(MONTHS_TEXT),
  };
}
