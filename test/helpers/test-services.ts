import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../db/open';
import { organisations, territories, topics, userRoles, users } from '../../db/schema';
import { AttachmentStore } from '../../electron/services/attachments/attachment-store';
import type { AppServices, CallContext } from '../../electron/services/context';
import type { AppealDraft, AppealDraftInput } from '../../shared/appeals';
import { appealDraftSchema } from '../../shared/appeals';

/** A fresh data folder with one organisation, a clerk and a head, and a tiny classifier. */
export function makeTestServices(clock: () => Date = () => new Date('2026-03-10T10:00:00+03:00')) {
  const dataDir = mkdtempSync(join(tmpdir(), 'arm-test-'));
  const store = openDatabase(dataDir);
  const files = new AttachmentStore(join(dataDir, 'attachments'));
  const { db } = store;
  db.insert(organisations).values({ id: 'org', name: 'Тестовая администрация', regIndex: 'ОГ' }).run();
  const now = Date.now();
  for (const [id, login, fullName, roles] of [
    ['u-clerk', 'clerk', 'Петрова Анна Сергеевна', ['clerk']],
    ['u-head', 'head', 'Ковалёв Игорь Петрович', ['head']],
  ] as const) {
    db.insert(users).values({ id, orgId: 'org', login, fullName, passwordHash: 'x', createdAt: now }).run();
    for (const role of roles) db.insert(userRoles).values({ userId: id, role }).run();
  }
  db.insert(topics)
    .values([
      { code: '01', parentCode: null, name: 'Жилищно-коммунальное хозяйство' },
      { code: '01.001', parentCode: '01', name: 'Оплата жилищно-коммунальных услуг' },
    ])
    .run();
  db.insert(territories).values({ code: 'MN', parentCode: null, name: 'г. Минск' }).run();
  const services: AppServices = { store, files, clock, mode: 'browser', version: 'test', demoLogin: null, sync: null };
  const clerk: CallContext = {
    ...services,
    session: {
      user: { id: 'u-clerk', login: 'clerk', fullName: 'Петрова Анна Сергеевна', position: '', roles: ['clerk'] },
    },
  };
  return {
    dataDir,
    services,
    clerk,
    cleanup: () => {
      store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A valid oral appeal of a person; override any field. */
export function draft(overrides: Partial<AppealDraftInput> = {}): AppealDraft {
  return appealDraftSchema.parse({
    kind: 'complaint',
    appealType: 'individual',
    form: 'oral',
    source: 'reception',
    applicant: {
      kind: 'person',
      surname: 'Иванов',
      name: 'Иван',
      patronymic: 'Иванович',
      address: 'г. Минск, ул. Сурганова, д. 12, кв. 45',
      phone: '+375 29 123-45-67',
      email: '',
    },
    answerForm: 'post',
    summary: 'О протечке крыши жилого дома',
    content: 'Прошу принять меры по ремонту крыши: после дождя протекает потолок в квартире.',
    topicCodes: ['01.001'],
    territoryCode: 'MN',
    receivedAt: '2026-03-10T09:30:00+03:00',
    ...overrides,
  });
}

/** The smallest well-formed PDF, for attachment tests. */
export const TINY_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
