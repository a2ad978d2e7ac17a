import { TINY_PDF } from '../../helpers/test-services';

/** One valid record of the JSON import format for the test services' classifier (01.001, MN). */
export function importRecord(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'complaint',
    appealType: 'individual',
    form: 'written',
    applicant: {
      kind: 'person',
      surname: 'Лукашевич',
      name: 'Ольга',
      patronymic: 'Петровна',
      address: 'г. Минск, ул. Сурганова, д. 12, кв. 45',
      phone: '+375 29 765-43-21',
      email: 'olga@example.by',
    },
    answerForm: 'electronic',
    summary: 'О ремонте подъезда',
    content: 'Прошу провести ремонт подъезда: не работает освещение.',
    topicCodes: ['01.001'],
    territoryCode: 'MN',
    receivedAt: '2026-03-10T09:30:00+03:00',
    attachments: [{ name: 'заявление.pdf', dataBase64: TINY_PDF.toString('base64') }],
    ...overrides,
  };
}

export const fileOf = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
