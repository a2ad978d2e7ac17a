import { writeFileSync } from 'node:fs';
import { importJsonSchema } from '../shared/import/json-import';

/** Writes docs/json-import.schema.json from the zod schema (a test keeps the two equal). */
const file = new URL('../docs/json-import.schema.json', import.meta.url);
writeFileSync(file, `${JSON.stringify(importJsonSchema(), null, 2)}\n`);
process.stdout.write(`${file.pathname}\n`);
