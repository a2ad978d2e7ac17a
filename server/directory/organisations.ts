import type { Organisation } from '../../shared/sync/protocol';
import type { OrganisationConfig } from '../config';

/**
 * The reference directory of organisations registered in the central system (redirects, regulation
 * 4.6: only state organisations registered in the system receive redirected appeals). Names are real
 * Belarusian bodies; the УНП values are illustrative nine-digit numbers, not looked up.
 */
export const DIRECTORY: readonly Organisation[] = [
  { id: 'minsk-gik', name: 'Минский городской исполнительный комитет', unp: '100156018', state: true },
  { id: 'brest-oik', name: 'Брестский областной исполнительный комитет', unp: '200050293', state: true },
  { id: 'vitebsk-oik', name: 'Витебский областной исполнительный комитет', unp: '300002520', state: true },
  { id: 'gomel-oik', name: 'Гомельский областной исполнительный комитет', unp: '400073867', state: true },
  { id: 'grodno-oik', name: 'Гродненский областной исполнительный комитет', unp: '500036525', state: true },
  { id: 'minsk-oik', name: 'Минский областной исполнительный комитет', unp: '600012489', state: true },
  { id: 'mogilev-oik', name: 'Могилёвский областной исполнительный комитет', unp: '700014032', state: true },
  { id: 'minsk-oktyabrsky', name: 'Администрация Октябрьского района г. Минска', unp: '100584162', state: true },
  { id: 'minsk-frunzensky', name: 'Администрация Фрунзенского района г. Минска', unp: '100628517', state: true },
  { id: 'borisov-rik', name: 'Борисовский районный исполнительный комитет', unp: '600153740', state: true },
  {
    id: 'mzhkkh',
    name: 'Министерство жилищно-коммунального хозяйства Республики Беларусь',
    unp: '100049532',
    state: true,
  },
  { id: 'minzdrav', name: 'Министерство здравоохранения Республики Беларусь', unp: '100085628', state: true },
  { id: 'minobr', name: 'Министерство образования Республики Беларусь', unp: '100101753', state: true },
  {
    id: 'mintrud',
    name: 'Министерство труда и социальной защиты Республики Беларусь',
    unp: '100120394',
    state: true,
  },
  { id: 'mvd', name: 'Министерство внутренних дел Республики Беларусь', unp: '100139468', state: true },
  {
    id: 'mintrans',
    name: 'Министерство транспорта и коммуникаций Республики Беларусь',
    unp: '100165231',
    state: true,
  },
  {
    id: 'minpriroda',
    name: 'Министерство природных ресурсов и охраны окружающей среды Республики Беларусь',
    unp: '100187542',
    state: true,
  },
  { id: 'mns', name: 'Министерство по налогам и сборам Республики Беларусь', unp: '100210876', state: true },
  {
    id: 'minstroy',
    name: 'Министерство архитектуры и строительства Республики Беларусь',
    unp: '100233415',
    state: true,
  },
  {
    id: 'minselhozprod',
    name: 'Министерство сельского хозяйства и продовольствия Республики Беларусь',
    unp: '100258963',
    state: true,
  },
  {
    id: 'goskomimushchestvo',
    name: 'Государственный комитет по имуществу Республики Беларусь',
    unp: '100276154',
    state: true,
  },
  {
    id: 'ts-kamennaya-gorka-5',
    name: 'Товарищество собственников «Каменная Горка-5»',
    unp: '192874531',
    state: false,
  },
];

/**
 * The directory plus the organisations of the configured clients: a configured organisation replaces
 * the directory entry with its id or name (keeping the entry's УНП), or is added as a state body.
 */
export function organisationDirectory(configured: Iterable<OrganisationConfig>): Organisation[] {
  const list = DIRECTORY.map((o) => ({ ...o }));
  for (const org of configured) {
    const at = list.findIndex((o) => o.id === org.id || o.name === org.name);
    const existing = list[at];
    if (existing) list[at] = { ...existing, id: org.id, name: org.name };
    else list.push({ id: org.id, name: org.name, unp: '', state: true });
  }
  return list;
}
