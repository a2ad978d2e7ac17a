/**
 * Names of demo applicants: Russian and Belarusian surnames, first names and patronymics with the
 * masculine and feminine forms agreeing, in Russian and (for some applicants) Belarusian spelling.
 */
import type { Rng } from './prng';

export type Gender = 'male' | 'female';
export type Language = 'ru' | 'be';

export interface PersonName {
  surname: string;
  name: string;
  patronymic: string;
  gender: Gender;
  /** Latin transliteration of the surname and first name, for e-mail addresses only. */
  latin: { surname: string; name: string };
}

/** Surnames that change with gender: [masculine, feminine]. */
const RU_SURNAMES_DECLINED: readonly (readonly [string, string])[] = [
  ['Иванов', 'Иванова'],
  ['Петров', 'Петрова'],
  ['Смирнов', 'Смирнова'],
  ['Кузнецов', 'Кузнецова'],
  ['Попов', 'Попова'],
  ['Соколов', 'Соколова'],
  ['Морозов', 'Морозова'],
  ['Волков', 'Волкова'],
  ['Козлов', 'Козлова'],
  ['Новиков', 'Новикова'],
  ['Макаров', 'Макарова'],
  ['Захаров', 'Захарова'],
  ['Борисов', 'Борисова'],
  ['Лебедев', 'Лебедева'],
  ['Алексеев', 'Алексеева'],
  ['Фёдоров', 'Фёдорова'],
  ['Семёнов', 'Семёнова'],
  ['Никитин', 'Никитина'],
  ['Зайцев', 'Зайцева'],
  ['Соловьёв', 'Соловьёва'],
  ['Павлов', 'Павлова'],
  ['Романов', 'Романова'],
  ['Киселёв', 'Киселёва'],
  ['Гончаров', 'Гончарова'],
  ['Титов', 'Титова'],
  ['Белов', 'Белова'],
  ['Ермаков', 'Ермакова'],
  ['Жуковский', 'Жуковская'],
  ['Ковальский', 'Ковальская'],
  ['Сосновский', 'Сосновская'],
  ['Высоцкий', 'Высоцкая'],
  ['Заблоцкий', 'Заблоцкая'],
  ['Каминский', 'Каминская'],
  ['Левицкий', 'Левицкая'],
  ['Ковалёв', 'Ковалёва'],
  ['Шевцов', 'Шевцова'],
  ['Дубовский', 'Дубовская'],
];

/** Belarusian surnames that do not change with gender (-ич, -ук, -енко, -ёнок, -ик …). */
const RU_SURNAMES_INVARIANT: readonly string[] = [
  'Ковалевич',
  'Якубович',
  'Мицкевич',
  'Карпович',
  'Лукашевич',
  'Климович',
  'Мартинович',
  'Гуринович',
  'Радкевич',
  'Тарасевич',
  'Пашкевич',
  'Сидорович',
  'Сенкевич',
  'Марцинкевич',
  'Шевчук',
  'Ковальчук',
  'Бондаренко',
  'Коваленко',
  'Кравченко',
  'Павлюченко',
  'Новик',
  'Жук',
  'Корзун',
  'Гусак',
  'Ситник',
  'Головач',
  'Шпак',
  'Мельник',
  'Рыбак',
  'Бурак',
  'Лаптёнок',
  'Козлёнок',
  'Мороз',
  'Шинкевич',
];

const BE_SURNAMES_DECLINED: readonly (readonly [string, string])[] = [
  ['Іваноў', 'Іванова'],
  ['Пятроў', 'Пятрова'],
  ['Жукоўскі', 'Жукоўская'],
  ['Кавальскі', 'Кавальская'],
  ['Сасноўскі', 'Сасноўская'],
  ['Кавалёў', 'Кавалёва'],
  ['Лябедзеў', 'Лябедзева'],
];

const BE_SURNAMES_INVARIANT: readonly string[] = [
  'Кавалевіч',
  'Якубовіч',
  'Міцкевіч',
  'Карповіч',
  'Лукашэвіч',
  'Клімовіч',
  'Шаўчук',
  'Кавальчук',
  'Новік',
  'Жук',
  'Корзун',
  'Сітнік',
  'Марціновіч',
  'Радкевіч',
];

const RU_MALE = [
  'Александр',
  'Сергей',
  'Дмитрий',
  'Андрей',
  'Алексей',
  'Иван',
  'Михаил',
  'Николай',
  'Владимир',
  'Евгений',
  'Павел',
  'Юрий',
  'Виктор',
  'Игорь',
  'Олег',
  'Артём',
  'Максим',
  'Вадим',
  'Денис',
  'Геннадий',
  'Василий',
  'Анатолий',
];
const RU_FEMALE = [
  'Елена',
  'Ольга',
  'Татьяна',
  'Наталья',
  'Ирина',
  'Светлана',
  'Анна',
  'Мария',
  'Людмила',
  'Галина',
  'Екатерина',
  'Марина',
  'Юлия',
  'Валентина',
  'Алёна',
  'Оксана',
  'Дарья',
  'Надежда',
  'Вера',
  'Жанна',
];
const BE_MALE = [
  'Алесь',
  'Уладзімір',
  'Сяргей',
  'Андрэй',
  'Мікалай',
  'Павел',
  'Юрый',
  'Віктар',
  'Іван',
  'Янка',
  'Міхась',
];
const BE_FEMALE = ['Алена', 'Ганна', 'Марыя', 'Тацяна', 'Вольга', 'Наталля', 'Ірына', 'Святлана', 'Алеся', 'Кацярына'];

/** Fathers' names with the patronymic they give: [masculine, feminine]. */
const RU_PATRONYMICS: readonly (readonly [string, string])[] = [
  ['Александрович', 'Александровна'],
  ['Сергеевич', 'Сергеевна'],
  ['Николаевич', 'Николаевна'],
  ['Иванович', 'Ивановна'],
  ['Петрович', 'Петровна'],
  ['Михайлович', 'Михайловна'],
  ['Андреевич', 'Андреевна'],
  ['Владимирович', 'Владимировна'],
  ['Викторович', 'Викторовна'],
  ['Анатольевич', 'Анатольевна'],
  ['Васильевич', 'Васильевна'],
  ['Геннадьевич', 'Геннадьевна'],
  ['Леонидович', 'Леонидовна'],
  ['Валерьевич', 'Валерьевна'],
  ['Юрьевич', 'Юрьевна'],
  ['Дмитриевич', 'Дмитриевна'],
  ['Олегович', 'Олеговна'],
  ['Игоревич', 'Игоревна'],
  ['Павлович', 'Павловна'],
  ['Степанович', 'Степановна'],
];
const BE_PATRONYMICS: readonly (readonly [string, string])[] = [
  ['Уладзіміравіч', 'Уладзіміраўна'],
  ['Сяргеевіч', 'Сяргееўна'],
  ['Мікалаевіч', 'Мікалаеўна'],
  ['Іванавіч', 'Іванаўна'],
  ['Аляксандравіч', 'Аляксандраўна'],
  ['Пятровіч', 'Пятроўна'],
  ['Міхайлавіч', 'Міхайлаўна'],
  ['Андрэевіч', 'Андрэеўна'],
  ['Віктаравіч', 'Віктараўна'],
];

const TRANSLIT: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  і: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ў: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

/** Latin transliteration (lower case) of a Russian or Belarusian word, for e-mail mailbox names. */
export function transliterate(word: string): string {
  return Array.from(word.toLowerCase(), (ch) => TRANSLIT[ch] ?? '').join('');
}

export function personName(rng: Rng, language: Language): PersonName {
  const gender: Gender = rng.chance(0.52) ? 'female' : 'male';
  const female = gender === 'female';
  const be = language === 'be';
  const declined = be ? BE_SURNAMES_DECLINED : RU_SURNAMES_DECLINED;
  const invariant = be ? BE_SURNAMES_INVARIANT : RU_SURNAMES_INVARIANT;
  const surname = rng.chance(0.55) ? rng.pick(declined)[female ? 1 : 0] : rng.pick(invariant);
  const name = rng.pick(be ? (female ? BE_FEMALE : BE_MALE) : female ? RU_FEMALE : RU_MALE);
  const patronymic = rng.pick(be ? BE_PATRONYMICS : RU_PATRONYMICS)[female ? 1 : 0];
  return { surname, name, patronymic, gender, latin: { surname: transliterate(surname), name: transliterate(name) } };
}

/** «Ковалевич И. П.» — how signers and staff are written in short. */
export function shortName(p: Pick<PersonName, 'surname' | 'name' | 'patronymic'>): string {
  const initials = [p.name, p.patronymic].filter(Boolean).map((part) => `${part.slice(0, 1)}.`);
  return [p.surname, initials.join(' ')].filter(Boolean).join(' ');
}
