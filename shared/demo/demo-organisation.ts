/** The demo organisation and its staff: one user per role (password = login) and two more heads. */
import type { Role } from '../appeals/enums';

export const DEMO_ORGANISATION = {
  name: 'Администрация Октябрьского района г. Минска',
  unp: '100584162',
  regIndex: 'ОГ',
  numberingPattern: '{index}-{year}-{seq}',
  numberingAuthority: 'local',
  workstationCode: '01',
} as const;

export interface DemoUser {
  login: string;
  fullName: string;
  position: string;
  roles: readonly Role[];
}

export const DEMO_USERS: readonly DemoUser[] = [
  {
    login: 'clerk',
    fullName: 'Ковалевич Ольга Николаевна',
    position: 'Главный специалист отдела по работе с обращениями граждан и юридических лиц',
    roles: ['clerk'],
  },
  {
    login: 'head',
    fullName: 'Жуковский Андрей Викторович',
    position: 'Заместитель главы администрации',
    roles: ['head'],
  },
  {
    login: 'head2',
    fullName: 'Мицкевич Елена Петровна',
    position: 'Первый заместитель главы администрации',
    roles: ['head'],
  },
  {
    login: 'head3',
    fullName: 'Лебедев Сергей Анатольевич',
    position: 'Заместитель главы администрации',
    roles: ['head'],
  },
  {
    login: 'executor',
    fullName: 'Новик Дмитрий Олегович',
    position: 'Ведущий специалист отдела жилищно-коммунального хозяйства',
    roles: ['executor'],
  },
  {
    login: 'executor2',
    fullName: 'Ярошевич Алина Сергеевна',
    position: 'Специалист отдела архитектуры и строительства',
    roles: ['executor'],
  },
  { login: 'signer', fullName: 'Карпович Игорь Владимирович', position: 'Глава администрации', roles: ['signer'] },
  {
    login: 'authorised',
    fullName: 'Радкевич Татьяна Михайловна',
    position: 'Управляющий делами',
    roles: ['authorised'],
  },
  {
    login: 'reports',
    fullName: 'Соколова Марина Игоревна',
    position: 'Главный специалист организационно-кадрового отдела',
    roles: ['report_author'],
  },
  {
    login: 'unithead',
    fullName: 'Шевчук Виктор Степанович',
    position: 'Начальник отдела жилищно-коммунального хозяйства',
    roles: ['unit_head'],
  },
  { login: 'admin', fullName: 'Гусак Павел Юрьевич', position: 'Инженер-программист', roles: ['admin'] },
];
