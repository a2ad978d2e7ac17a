/**
 * Demo applicants: persons (Russian or Belarusian spelling) and legal entities with a 9-digit УНП,
 * realistic addresses, Belarusian phone numbers and e-mail addresses.
 */
import { type Applicant, EMPTY_APPLICANT } from '../appeals/schema';
import { type Language, type PersonName, personName, shortName, transliterate } from './names';
import { type Bilingual, type District, VILLAGE_STREETS } from './places';
import type { Rng } from './prng';

const lang = (text: Bilingual, language: Language) => (language === 'be' ? text[1] : text[0]);
const pad = (n: number, width: number) => String(n).padStart(width, '0');

export function address(rng: Rng, district: District, language: Language, office = false): string {
  const parts: string[] = [];
  if (rng.chance(0.45)) parts.push(`${rng.pick(district.postcode)}${pad(rng.int(1, 99), 3)}`);
  if (district.region) parts.push(lang(district.region, language));
  const village = district.villages.length > 0 && !office && rng.chance(0.35) ? rng.pick(district.villages) : null;
  if (village && district.district) {
    parts.push(lang(district.district, language), lang(village, language), lang(rng.pick(VILLAGE_STREETS), language));
    parts.push(`д. ${rng.int(1, 60)}`);
    return parts.join(', ');
  }
  parts.push(lang(district.town, language), lang(rng.pick(district.streets), language));
  const bigTown = district.region === null || rng.chance(0.75);
  parts.push(`д. ${rng.int(1, bigTown ? 140 : 70)}${rng.chance(0.08) ? `/${rng.int(1, 4)}` : ''}`);
  if (bigTown && rng.chance(0.12)) parts.push(`корп. ${rng.int(1, 4)}`);
  if (office) parts.push(rng.chance(0.5) ? `пом. ${rng.int(1, 40)}` : `ком. ${rng.int(101, 512)}`);
  else if (bigTown && rng.chance(0.9)) parts.push(`кв. ${rng.int(1, 280)}`);
  return parts.join(', ');
}

const MOBILE_CODES: readonly (readonly [string, number])[] = [
  ['29', 50],
  ['33', 22],
  ['44', 24],
  ['25', 8],
];

/** A Belarusian number in one of the ways people write it; landlines only for Minsk. */
export function phone(rng: Rng, minsk: boolean): string {
  const landline = minsk && rng.chance(0.1);
  const code = landline ? '17' : rng.weighted(MOBILE_CODES);
  const a = landline ? rng.int(200, 399) : rng.int(100, 999);
  const b = pad(rng.int(0, 99), 2);
  const c = pad(rng.int(0, 99), 2);
  return rng.weighted<string>([
    [`+375 ${code} ${a}-${b}-${c}`, 70],
    [`+375${code}${a}${b}${c}`, 10],
    [`8 0${code} ${a}-${b}-${c}`, 12],
    [`+375 (${code}) ${a}-${b}-${c}`, 8],
  ]);
}

const MAIL_DOMAINS: readonly (readonly [string, number])[] = [
  ['mail.ru', 30],
  ['gmail.com', 30],
  ['yandex.by', 14],
  ['tut.by', 8],
  ['yandex.ru', 8],
  ['rambler.ru', 3],
  ['icloud.com', 3],
  ['inbox.ru', 4],
];

export function personalEmail(rng: Rng, name: PersonName['latin']): string {
  const domain = rng.weighted(MAIL_DOMAINS);
  const year = rng.int(55, 105) % 100;
  const local = rng.weighted<string>([
    [`${name.surname}${rng.int(1, 99)}`, 30],
    [`${name.name}.${name.surname}`, 30],
    [`${name.name.slice(0, 1)}${name.surname}${pad(year, 2)}`, 25],
    [`${name.surname}_${name.name}`, 15],
  ]);
  return `${local}@${domain}`;
}

const LEGAL_FORMS: readonly (readonly [string, number])[] = [
  ['ООО', 40],
  ['ОАО', 12],
  ['ЗАО', 5],
  ['ЧУП', 14],
  ['ЧТУП', 8],
  ['УП', 6],
  ['ОДО', 5],
];
const STEM_START = [
  'Бел',
  'Мин',
  'Брест',
  'Гродно',
  'Гомель',
  'Витебск',
  'Нёман',
  'Полесье',
  'Свислочь',
  'Двина',
  'Зубр',
];
const STEM_END = [
  'строй',
  'агро',
  'торг',
  'транс',
  'пром',
  'энерго',
  'лес',
  'мебель',
  'продукт',
  'тех',
  'комплект',
  'монтаж',
  'сервис',
];
const STEM_TAIL = ['', '', 'сервис', 'инвест', 'плюс', 'групп', 'снаб'];
const OFFICES: readonly (readonly [string, number])[] = [
  ['Директор', 60],
  ['Генеральный директор', 20],
  ['Управляющий', 8],
  ['Заместитель директора', 12],
];

/** First digit of the УНП of a legal entity by region of registration. */
const UNP_REGION: Readonly<Record<string, string>> = { MN: '1', BR: '2', VI: '3', HO: '4', HR: '5', MI: '6', MA: '7' };

function legalName(rng: Rng): { display: string; stem: string } {
  if (rng.chance(0.12)) {
    const n = rng.int(3, 160);
    return rng.chance(0.5)
      ? { display: `Жилищно-строительный кооператив № ${n}`, stem: `zhsk${n}` }
      : { display: `Товарищество собственников «Дом ${n}»`, stem: `ts${n}` };
  }
  const start = rng.pick(STEM_START);
  const end = rng.pick(STEM_END);
  const tail = rng.pick(STEM_TAIL);
  const stem = `${start}${end}${tail}`;
  const word = stem.slice(0, 1) + stem.slice(1).toLowerCase();
  return { display: `${rng.weighted(LEGAL_FORMS)} «${word}»`, stem: transliterate(stem) };
}

export interface GeneratedApplicant {
  applicant: Applicant;
  language: Language;
  /** The person writing: the applicant or, for a legal entity, its signer. */
  writer: PersonName;
}

export interface ApplicantOptions {
  district: District;
  language: Language;
  anonymous: boolean;
  legal: boolean;
  wantsEmail: boolean;
  wantsPhone: boolean;
}

export function generateApplicant(rng: Rng, o: ApplicantOptions): GeneratedApplicant {
  const writer = personName(rng, o.language);
  const minsk = o.district.region === null;
  if (o.anonymous) return { applicant: { ...EMPTY_APPLICANT }, language: o.language, writer };
  if (o.legal) {
    const { display, stem } = legalName(rng);
    const regionDigit = UNP_REGION[o.district.code.slice(0, 2)] ?? '1';
    const unp = `${regionDigit}${rng.chance(0.7) ? '9' : '0'}${pad(rng.int(0, 9_999_999), 7)}`;
    const box = rng.pick(['info', 'office', 'priemnaya', 'mail']);
    return {
      applicant: {
        ...EMPTY_APPLICANT,
        kind: 'legal',
        orgName: display,
        unp,
        signer: `${rng.weighted(OFFICES)} ${shortName(writer)}`,
        address: address(rng, o.district, 'ru', true),
        phone: phone(rng, minsk),
        email: o.wantsEmail ? `${box}@${stem}.by` : '',
      },
      language: 'ru',
      writer,
    };
  }
  return {
    applicant: {
      ...EMPTY_APPLICANT,
      surname: writer.surname,
      name: writer.name,
      patronymic: rng.chance(0.96) ? writer.patronymic : '',
      address: address(rng, o.district, o.language),
      phone: o.wantsPhone ? phone(rng, minsk) : '',
      email: o.wantsEmail ? personalEmail(rng, writer.latin) : '',
    },
    language: o.language,
    writer,
  };
}
