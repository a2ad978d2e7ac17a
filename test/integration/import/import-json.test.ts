import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appeals, type history, outbox, securityEvents } from '../../../db/schema';
import { getAppeal } from '../../../electron/services/appeals/get-appeal';
import { importJson } from '../../../electron/services/import/import-json';
import { makeTestServices } from '../../helpers/test-services';
import { fileOf, importRecord } from './import-fixtures';

let t: ReturnType<typeof makeTestServices>;
beforeEach(() => {
  t = makeTestServices();
});
afterEach(() => t.cleanup());

const count = (table: typeof appeals | typeof outbox | typeof history) =>
  t.services.store.db.select().from(table).all().length;

describe('«Загрузить JSON»', () => {
  it('registers every record like the card: number, deadline, source json, history, outbox, files', () => {
    const report = importJson(t.clerk, {
      fileName: 'a.json',
      bytes: fileOf({ format: 'arm-appeals/appeals@1', appeals: [importRecord(), importRecord({ kind: 'proposal' })] }),
    });
    expect(report).toMatchObject({ ok: true, total: 2, issues: [] });
    expect(report.imported.map((r) => r.regNumber)).toEqual(['ОГ-2026-1', 'ОГ-2026-2']);
    const card = getAppeal(t.services.store.db, report.imported[0]?.id ?? '');
    expect(card).toMatchObject({ status: 'registered', source: 'json', regNumber: 'ОГ-2026-1' });
    expect(card.deadlineAt).not.toBeNull();
    expect(card.attachments).toHaveLength(1);
    expect(t.services.files.has(card.attachments[0]?.sha256 ?? '')).toBe(true);
    expect(card.history.map((h) => h.text)).toContain('Загружено из файла JSON «a.json» (запись 1)');
    const commands = t.services.store.db.select().from(outbox).all();
    expect(commands.map((c) => c.type)).toEqual(['RegisterAppeal', 'RegisterAppeal']);
    const events = t.services.store.db.select().from(securityEvents).all();
    expect(events.map((e) => `${e.type}:${e.result}`)).toEqual(['json-import:success']);
  });

  it('accepts a bare array and a single appeal object', () => {
    expect(importJson(t.clerk, { fileName: 'b.json', bytes: fileOf([importRecord()]) }).ok).toBe(true);
    const single = importJson(t.clerk, { fileName: 'c.json', bytes: fileOf(importRecord({ summary: 'Другое' })) });
    expect(single).toMatchObject({ ok: true, total: 1 });
    expect(count(appeals)).toBe(2);
  });

  it('one bad record → nothing written, each problem reported with path, field and Russian reason', () => {
    const pdf = importRecord().attachments as { name: string; dataBase64: string }[];
    const report = importJson(t.clerk, {
      fileName: 'bad.json',
      bytes: fileOf({
        appeals: [
          importRecord(),
          importRecord({ summary: 'Жалоба <script>alert(1)</script>', topicCodes: ['99.999'] }),
          importRecord({
            attachments: [{ name: 'program.pdf', dataBase64: Buffer.from('MZ\x90\x00rest').toString('base64') }],
          }),
          importRecord({ applicant: { kind: 'person', surname: 'Ivanov' }, extra: 1 }),
          { ...importRecord(), attachments: pdf, receivedAt: '10.03.2026' },
        ],
      }),
    });
    expect(report.ok).toBe(false);
    expect(report.imported).toEqual([]);
    expect(count(appeals)).toBe(0);
    expect(count(outbox)).toBe(0);
    const lines = report.issues.map((i) => `${i.path} | ${i.label} | ${i.reason}`);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\$\.appeals\[1\]\.summary \| Краткое содержание \| .*«<»/),
        '$.appeals[1].topicCodes[0] | Тематика | нет темы с кодом «99.999» в классификаторе',
        expect.stringMatching(/^\$\.appeals\[2\]\.attachments\[0\] \| Вложения \| .*содержимое не соответствует/),
        expect.stringMatching(/^\$\.appeals\[3\]\.extra \| {2}\| неизвестное поле «extra»/),
        expect.stringMatching(/^\$\.appeals\[4\]\.receivedAt \| Дата поступления \| ожидается дата и время ISO 8601/),
      ]),
    );
    expect(report.issues.every((i) => i.record !== 0)).toBe(true);
    const events = t.services.store.db.select().from(securityEvents).all();
    expect(events.map((e) => `${e.type}:${e.result}`)).toEqual(['json-import:failure']);
  });

  it('the same file twice is refused the second time (a committed import is never duplicated)', () => {
    const bytes = fileOf([importRecord()]);
    expect(importJson(t.clerk, { fileName: 'x.json', bytes }).ok).toBe(true);
    const again = importJson(t.clerk, { fileName: 'x-copy.json', bytes });
    expect(again.ok).toBe(false);
    expect(again.issues[0]?.reason).toMatch(/уже загружен/);
    expect(count(appeals)).toBe(1);
  });

  it('refuses other encodings and broken JSON with a clear message', () => {
    const cp1251 = Buffer.from([0x7b, 0x22, 0xcf, 0xf0, 0x22, 0x7d]);
    expect(importJson(t.clerk, { fileName: 'a.json', bytes: cp1251 }).issues[0]?.reason).toMatch(
      /не в кодировке UTF-8/,
    );
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('[]', 'utf16le')]);
    expect(importJson(t.clerk, { fileName: 'a.json', bytes: utf16 }).issues[0]?.reason).toMatch(/UTF-16/);
    const broken = new TextEncoder().encode('{"appeals": [\n  {"kind": "complaint",\n  "form" "oral"}]}');
    expect(importJson(t.clerk, { fileName: 'a.json', bytes: broken }).issues[0]?.reason).toBe(
      'файл не является корректным JSON (строка 3, столбец 10)',
    );
    expect(count(appeals)).toBe(0);
  });

  it('only clerks import', () => {
    const head = {
      ...t.clerk,
      session: { user: { id: 'u-head', login: 'head', fullName: 'Г', position: '', roles: ['head' as const] } },
    };
    expect(() => importJson(head, { fileName: 'a.json', bytes: fileOf([importRecord()]) })).toThrow(
      /Недостаточно прав/,
    );
  });

  it('the documented example file is valid', () => {
    const example = JSON.parse(readFileSync(new URL('../../../docs/examples/appeals.json', import.meta.url), 'utf8'));
    // The example uses the demo classifier's codes; map them onto the test classifier.
    for (const record of example.appeals) Object.assign(record, { topicCodes: ['01.001'], territoryCode: 'MN' });
    const report = importJson(t.clerk, { fileName: 'appeals.json', bytes: fileOf(example) });
    expect(report.issues).toEqual([]);
    expect(report.imported).toHaveLength(example.appeals.length);
  });
});
