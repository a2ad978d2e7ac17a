import type { Organisation } from '../../shared/sync/protocol';
import type { OrganisationConfig } from '../config';

type DirectoryEntry = Omit<Organisation, 'subordinate'>;

const state = (id: string, name: string, unp: string, parentId: string | null = null): DirectoryEntry => ({
  id,
  name,
  unp,
  state: true,
  parentId,
});
const nonState = (id: string, name: string, unp: string): DirectoryEntry => ({
  id,
  name,
  unp,
  state: false,
  parentId: null,
});

/** The demo organisation's entry: configured clients of the same name take it over (organisationDirectory). */
const OKTYABRSKY = 'minsk-oktyabrsky';

/**
 * The reference directory of organisations registered in the central system (redirects, requests and
 * instructions, regulation 4.6–4.8: only state organisations registered in the system receive
 * redirected appeals; instructions go to subordinate organisations). `parentId` is the organisation
 * one is subordinate to: district administrations to the Minsk city executive committee, and the demo
 * administration's own subordinate bodies, so the UI can show the rules of 4.7. Names are real kinds
 * of Belarusian bodies; the УНП values are illustrative nine-digit numbers, not looked up.
 */
export const DIRECTORY: readonly DirectoryEntry[] = [
  state('minsk-gik', 'Минский городской исполнительный комитет', '100156018'),
  state('brest-oik', 'Брестский областной исполнительный комитет', '200050293'),
  state('vitebsk-oik', 'Витебский областной исполнительный комитет', '300002520'),
  state('gomel-oik', 'Гомельский областной исполнительный комитет', '400073867'),
  state('grodno-oik', 'Гродненский областной исполнительный комитет', '500036525'),
  state('minsk-oik', 'Минский областной исполнительный комитет', '600012489'),
  state('mogilev-oik', 'Могилёвский областной исполнительный комитет', '700014032'),
  state(OKTYABRSKY, 'Администрация Октябрьского района г. Минска', '100584162', 'minsk-gik'),
  state('minsk-frunzensky', 'Администрация Фрунзенского района г. Минска', '100628517', 'minsk-gik'),
  state('borisov-rik', 'Борисовский районный исполнительный комитет', '600153740', 'minsk-oik'),
  state('mzhkkh', 'Министерство жилищно-коммунального хозяйства Республики Беларусь', '100049532'),
  state('minzdrav', 'Министерство здравоохранения Республики Беларусь', '100085628'),
  state('minobr', 'Министерство образования Республики Беларусь', '100101753'),
  state('mintrud', 'Министерство труда и социальной защиты Республики Беларусь', '100120394'),
  state('mvd', 'Министерство внутренних дел Республики Беларусь', '100139468'),
  state('mintrans', 'Министерство транспорта и коммуникаций Республики Беларусь', '100165231'),
  state('minpriroda', 'Министерство природных ресурсов и охраны окружающей среды Республики Беларусь', '100187542'),
  state('mns', 'Министерство по налогам и сборам Республики Беларусь', '100210876'),
  state('minstroy', 'Министерство архитектуры и строительства Республики Беларусь', '100233415'),
  state('minselhozprod', 'Министерство сельского хозяйства и продовольствия Республики Беларусь', '100258963'),
  state('goskomimushchestvo', 'Государственный комитет по имуществу Республики Беларусь', '100276154'),
  // Subordinate to the demo administration [4.7].
  state(
    'oktyabrsky-tcson',
    'Территориальный центр социального обслуживания населения Октябрьского района г. Минска',
    '101234570',
    OKTYABRSKY,
  ),
  state(
    'oktyabrsky-zhkkh',
    'Коммунальное унитарное предприятие «Жилищное ремонтно-эксплуатационное объединение Октябрьского района г. Минска»',
    '101234581',
    OKTYABRSKY,
  ),
  state(
    'oktyabrsky-fok',
    'Государственное учреждение «Физкультурно-оздоровительный центр Октябрьского района г. Минска»',
    '101234592',
    OKTYABRSKY,
  ),
  nonState('ts-kamennaya-gorka-5', 'Товарищество собственников «Каменная Горка-5»', '192874531'),
  nonState(
    'ooo-uyutny-dom',
    'Общество с ограниченной ответственностью «Управляющая компания „Уютный дом“»',
    '193456782',
  ),
  nonState('chup-gorodskie-perevozki', 'Частное унитарное предприятие «Городские перевозки»', '193567894'),
];

/**
 * The directory plus the organisations of the configured clients: a configured organisation replaces
 * the directory entry with its id or name (keeping the entry's УНП and its place in the hierarchy —
 * subordinate organisations follow it to the new id), or is added as a state body.
 */
export function organisationDirectory(configured: Iterable<OrganisationConfig>): DirectoryEntry[] {
  const list = DIRECTORY.map((o) => ({ ...o }));
  for (const org of configured) {
    const at = list.findIndex((o) => o.id === org.id || o.name === org.name);
    const existing = list[at];
    if (!existing) {
      list.push({ id: org.id, name: org.name, unp: '', state: true, parentId: null });
      continue;
    }
    list[at] = { ...existing, id: org.id, name: org.name };
    for (const o of list) if (o.parentId === existing.id) o.parentId = org.id;
  }
  return list;
}

/**
 * The directory as one organisation sees it: the other organisations (the targets of its redirects,
 * requests and instructions), marked subordinate when their `parentId` is this organisation [4.7].
 */
export function directoryFor(list: readonly DirectoryEntry[], orgId: string): Organisation[] {
  return list.filter((o) => o.id !== orgId).map((o) => ({ ...o, subordinate: o.parentId === orgId }));
}
