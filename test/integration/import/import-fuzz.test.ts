import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appeals, outbox } from '../../../db/schema';
import { importJson } from '../../../electron/services/import/import-json';
import { importReportSchema, parseImportFile } from '../../../shared/import/json-import';
import { makeTestServices } from '../../helpers/test-services';
import { fileOf, importRecord } from './import-fixtures';

let t: ReturnType<typeof makeTestServices>;
beforeAll(() => {
  t = makeTestServices();
});
afterAll(() => t.cleanup());

const FIELDS = [
  'kind',
  'appealType',
  'form',
  'applicant',
  'summary',
  'content',
  'topicCodes',
  'receivedAt',
  'attachments',
];

/** JSON text of values no field expects: wrong types, huge strings, deep nesting, injection, odd unicode. */
const hostile = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  fc.string({ unit: 'binary', maxLength: 200 }).map((v) => JSON.stringify(v)),
  fc.integer({ min: 100_001, max: 400_000 }).map((n) => JSON.stringify('Я'.repeat(n))),
  fc.integer({ min: 1, max: 20_000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)),
  fc.integer({ min: 1, max: 5000 }).map((depth) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)),
  fc
    .constantFrom(
      '<script>alert(1)</script>',
      '"; DROP TABLE appeals; --',
      '{{constructor.constructor("return process")()}}',
      '\u202eреверс',
      '\u0000',
      '__proto__',
      'Ivanov',
    )
    .map((v) => JSON.stringify(v)),
);

const HOLE = '"\u0000hole\u0000"';

/** A valid record (as JSON text) with one field replaced or removed, or an unknown field added. */
const mutatedRecord = fc
  .record({ field: fc.constantFrom(...FIELDS, 'extra', '__proto__'), value: hostile, drop: fc.boolean() })
  .map(({ field, value, drop }) => {
    const record = importRecord();
    if (drop) delete record[field];
    else Object.defineProperty(record, field, { value: '\u0000hole\u0000', enumerable: true, writable: true });
    return JSON.stringify(record).replace(HOLE, value);
  });

const utf8 = (text: string) => new TextEncoder().encode(text);

/** Bytes of a file: garbage, truncated or re-encoded JSON, or a file of mutated records. */
const fileBytes = fc.oneof(
  fc.uint8Array({ maxLength: 2000 }),
  fc.array(mutatedRecord, { minLength: 1, maxLength: 4 }).map((records) => utf8(`{"appeals":[${records.join(',')}]}`)),
  fc.tuple(fc.array(mutatedRecord, { minLength: 1, maxLength: 3 }), fc.nat()).map(([records, cut]) => {
    const bytes = utf8(`[${records.join(',')}]`);
    return bytes.subarray(0, cut % bytes.length);
  }),
  mutatedRecord.map((record) => Buffer.from(record, 'utf16le')),
  mutatedRecord.map((record) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(record)])),
  fc.jsonValue().map((v) => fileOf(v)),
);

describe('JSON import fuzzing', () => {
  it('the parser never throws and every issue is a Russian line with a JSON path', () => {
    fc.assert(
      fc.property(fileBytes, (bytes) => {
        const parsed = parseImportFile(bytes);
        for (const issue of parsed.issues) {
          expect(issue.path.startsWith('$')).toBe(true);
          expect(issue.reason).toMatch(/[а-яё]/i);
          expect(issue.reason.length).toBeLessThan(400);
        }
        expect(parsed.records.length + new Set(parsed.issues.map((i) => i.record)).size).toBeGreaterThan(0);
      }),
      { numRuns: 400 },
    );
  });

  it('an import of any file either registers all records or writes nothing, and never crashes', async () => {
    let accepted = 0;
    // Async, yielding between runs: a long synchronous loop would starve the test worker's messages.
    await fc.assert(
      fc.asyncProperty(fileBytes, async (bytes) => {
        await new Promise((resolve) => setImmediate(resolve));
        const before = t.services.store.db.select().from(appeals).all().length;
        const outboxBefore = t.services.store.db.select().from(outbox).all().length;
        const report = importReportSchema.parse(importJson(t.clerk, { fileName: 'fuzz.json', bytes }));
        const after = t.services.store.db.select().from(appeals).all().length;
        const outboxAfter = t.services.store.db.select().from(outbox).all().length;
        if (report.ok) {
          accepted += 1;
          expect(after - before).toBe(report.total);
          expect(outboxAfter - outboxBefore).toBe(report.total);
        } else {
          expect(report.issues.length).toBeGreaterThan(0);
          expect(after).toBe(before);
          expect(outboxAfter).toBe(outboxBefore);
        }
      }),
      { numRuns: 150 },
    );
    // Some mutations keep a record valid (e.g. dropping an optional field): both outcomes are exercised.
    expect(accepted).toBeGreaterThan(0);
  }, 60_000);
});
