import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importJsonSchema, parseImportFile } from '../../../../shared/import/json-import';

const read = (path: string) => readFileSync(new URL(`../../../../docs/${path}`, import.meta.url));

describe('the documented JSON import format', () => {
  it('docs/json-import.schema.json is the one generated from the zod schema (npm run docs:json-schema)', () => {
    expect(JSON.parse(read('json-import.schema.json').toString())).toEqual(importJsonSchema());
  });

  it('the example file has the right shape', () => {
    const parsed = parseImportFile(read('examples/appeals.json'));
    expect(parsed.issues).toEqual([]);
    expect(parsed.records.map((r) => r.path)).toEqual(['$.appeals[0]', '$.appeals[1]']);
  });
});
