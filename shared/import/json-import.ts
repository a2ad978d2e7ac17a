import { z } from 'zod';
import { fieldLabel } from '../appeals/field-labels';
import { appealDraftSchema, applicantSchema } from '../appeals/schema';
import { MAX_FILES } from '../validation';

/**
 * «Загрузить JSON» (regulation 4.3): the file format for appeals arriving as JSON files, and its
 * first stage — bytes → records → shape-checked drafts — with every problem reported per record
 * (JSON path, field, Russian reason). The content rules are the card's own (validate-appeal.ts),
 * applied by the import service; this module never throws on any input.
 * Documented in docs/json-import.md (the JSON Schema is generated from these zod schemas).
 */
export const JSON_IMPORT_FORMAT = 'arm-appeals/appeals@1';
/** Largest file the command line imports; the UI's limit is the transport's (MAX_UI_IMPORT_BYTES). */
export const MAX_IMPORT_BYTES = 256 * 1024 * 1024;
/** What one call of `import:json` carries (the loopback HTTP body is at most 25 MB of base64). */
export const MAX_UI_IMPORT_BYTES = 18 * 1024 * 1024;
export const MAX_IMPORT_RECORDS = 5000;
/** A report lists at most this many problems (a garbage file would otherwise list millions). */
export const MAX_REPORTED_ISSUES = 500;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export const importAttachmentSchema = z
  .object({
    name: z.string().min(1).max(255),
    /** The file's bytes, base64 (RFC 4648, no line breaks); checked by content like an upload. */
    dataBase64: z
      .string()
      .max(Math.ceil((16 * 1024 * 1024) / 3) * 4)
      .regex(BASE64),
    /** The scanned list of participants of a collective appeal. */
    participantsList: z.boolean().default(false),
  })
  .strict();

/**
 * One appeal of the file: the card's requisites (same names and vocabularies as the card). The source
 * is always «JSON» and the number, deadline and history are given by registration, so none of them is
 * in the file; nor are internal ids (responsible head, repeats), which the clerk sets on the card.
 */
export const importAppealSchema = appealDraftSchema
  .omit({ source: true, attachments: true, repeatOf: true, responsibleHeadId: true })
  .extend({
    applicant: applicantSchema.strict(),
    attachments: z.array(importAttachmentSchema).max(MAX_FILES).default([]),
  })
  .strict();
export type ImportAppeal = z.infer<typeof importAppealSchema>;

/** The file: `{ "format": …, "appeals": [ … ] }`; a bare array or a single appeal object is accepted too. */
export const importFileSchema = z
  .object({
    format: z.literal(JSON_IMPORT_FORMAT).optional(),
    appeals: z.array(importAppealSchema).min(1).max(MAX_IMPORT_RECORDS),
  })
  .strict();

export const importIssueSchema = z.object({
  /** 0-based index of the record in the file; null for a problem of the whole file. */
  record: z.number().int().nullable(),
  /** JSON path of the offending value, e.g. `$.appeals[2].applicant.surname`. */
  path: z.string(),
  /** The card's field (`applicant.surname`), empty for the whole record or file. */
  field: z.string(),
  /** Russian name of the field, as the card labels it. */
  label: z.string(),
  /** Russian, what is wrong and, where it helps, how to fix it. */
  reason: z.string(),
});
export type ImportIssue = z.infer<typeof importIssueSchema>;

export const importReportSchema = z.object({
  ok: z.boolean(),
  fileName: z.string(),
  fileSha256: z.string(),
  /** Records found in the file (0 when it could not be read). */
  total: z.number().int(),
  imported: z.array(z.object({ record: z.number().int(), id: z.string(), regNumber: z.string() })),
  issues: z.array(importIssueSchema),
  /** Problems not listed because of MAX_REPORTED_ISSUES. */
  moreIssues: z.number().int(),
});
export type ImportReport = z.infer<typeof importReportSchema>;

export interface ParsedRecord {
  record: number;
  path: string;
  appeal: ImportAppeal;
}

export interface ParsedFile {
  total: number;
  records: ParsedRecord[];
  issues: ImportIssue[];
}

const TYPE_NAMES: Record<string, string> = {
  string: 'строка',
  number: 'число',
  boolean: 'true или false',
  object: 'объект',
  array: 'массив',
  null: 'null',
  undefined: 'отсутствует',
};

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** A value quoted in a message: short, one line, never the whole huge string or a deep structure. */
function shown(value: unknown): string {
  if (typeof value === 'object' && value !== null) return TYPE_NAMES[typeOf(value)] ?? 'объект';
  const flat = String(value).replace(/\s+/g, ' ');
  return flat.length > 40 ? `${flat.slice(0, 40)}…` : flat;
}

function jsonPath(base: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : `${acc}.${String(key)}`),
    base,
  );
}

/** The card's dotted field name of a path inside one record (`applicant.surname`, `attachments[0]`). */
function fieldOf(path: readonly PropertyKey[]): string {
  return jsonPath('', path).replace(/^\./, '');
}

/** Russian reason of one zod issue (shape errors: types, lengths, vocabularies, unknown fields). */
function zodReason(issue: z.core.$ZodIssue & { input?: unknown }): string {
  if (issue.input === undefined && issue.code !== 'custom') return 'обязательное поле отсутствует';
  switch (issue.code) {
    case 'invalid_type':
      return `ожидается ${TYPE_NAMES[issue.expected] ?? issue.expected}, а указано: ${TYPE_NAMES[typeOf(issue.input)]}`;
    case 'too_big':
      return issue.origin === 'string'
        ? `слишком длинное значение: не более ${issue.maximum} символов, а в файле ${String((issue.input as string).length)}`
        : `слишком много элементов: не более ${issue.maximum}`;
    case 'too_small':
      return issue.origin === 'string' ? 'пустое значение' : 'список пуст';
    case 'invalid_value':
      return `недопустимое значение «${shown(issue.input)}»; допустимо: ${issue.values.map(String).join(', ')}`;
    case 'invalid_format':
      if (issue.format === 'datetime') {
        return 'ожидается дата и время ISO 8601 с часовым поясом, например 2026-03-10T09:30:00+03:00';
      }
      if (issue.format === 'regex' && 'pattern' in issue && issue.pattern === BASE64.source) {
        return 'ожидается содержимое файла в кодировке base64';
      }
      return `неверный формат значения «${shown(issue.input)}»`;
    default:
      return issue.message;
  }
}

/** Turns zod's issues on one record (or the file) into report lines; unknown keys get one line each. */
export function shapeIssues(error: z.ZodError, record: number | null, base: string): ImportIssue[] {
  return error.issues.flatMap((raw) => {
    const issue = raw as z.core.$ZodIssue & { input?: unknown };
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => {
        const path = [...issue.path, key];
        return {
          record,
          path: jsonPath(base, path),
          field: fieldOf(path),
          label: '',
          reason: `неизвестное поле «${shown(key)}» — проверьте написание (см. схему формата)`,
        };
      });
    }
    const field = fieldOf(issue.path);
    return [{ record, path: jsonPath(base, issue.path), field, label: fieldLabel(field), reason: zodReason(issue) }];
  });
}

function fileIssue(reason: string): ImportIssue {
  return { record: null, path: '$', field: '', label: '', reason };
}

/** Bytes → text: UTF-8 only (a BOM is fine); anything else is refused with a hint. */
export function decodeImportText(bytes: Uint8Array): { text: string } | { issue: ImportIssue } {
  if (bytes.length === 0) return { issue: fileIssue('файл пустой') };
  if (bytes.length > MAX_IMPORT_BYTES) {
    return { issue: fileIssue(`файл больше ${MAX_IMPORT_BYTES / 1024 / 1024} МБ — разделите его на несколько`) };
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { issue: fileIssue('файл в кодировке UTF-16 — сохраните его в UTF-8') };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { issue: fileIssue('файл не в кодировке UTF-8 (возможно, Windows-1251) — сохраните его в UTF-8') };
  }
}

/** Line and column (1-based) of a character offset. */
function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `строка ${line}, столбец ${offset - before.lastIndexOf('\n')}`;
}

/** JSON.parse with the place of a syntax error, in Russian. */
function parseJson(text: string): { value: unknown } | { issue: ImportIssue } {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (err) {
    const message = err instanceof Error ? err.message : '';
    const position = /position (\d+)/.exec(message);
    const token = /Unexpected token '(.+?)'/.exec(message);
    let where = '';
    if (position) where = ` (${lineColumn(text, Number(position[1]))})`;
    else if (token) where = ` (неожиданный символ «${token[1]}»)`;
    else if (/end of JSON input/i.test(message)) where = ' (файл обрывается)';
    return { issue: fileIssue(`файл не является корректным JSON${where}`) };
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The records of the file with their JSON paths, or a file-level problem. */
function recordsOf(value: unknown): { items: unknown[]; base: (i: number) => string } | { issue: ImportIssue } {
  if (Array.isArray(value)) return { items: value, base: (i) => `$[${i}]` };
  if (!isPlainObject(value)) {
    return { issue: fileIssue('ожидается объект с полем «appeals» (список обращений), список или одно обращение') };
  }
  if (!Object.hasOwn(value, 'appeals')) return { items: [value], base: () => '$' };
  const envelope = importFileSchema.omit({ appeals: true }).extend({ appeals: z.array(z.unknown()) });
  const parsed = envelope.safeParse(value, { reportInput: true });
  if (!parsed.success) return { issue: shapeIssues(parsed.error, null, '$')[0] ?? fileIssue('неверный формат файла') };
  return { items: parsed.data.appeals, base: (i) => `$.appeals[${i}]` };
}

/**
 * Stage one of the import: decode, parse, find the records and check each one's shape. Never throws;
 * whatever is wrong comes back as issues, so a broken file gives a report, not a crash.
 */
export function parseImportFile(bytes: Uint8Array): ParsedFile {
  const decoded = decodeImportText(bytes);
  if ('issue' in decoded) return { total: 0, records: [], issues: [decoded.issue] };
  const json = parseJson(decoded.text);
  if ('issue' in json) return { total: 0, records: [], issues: [json.issue] };
  const found = recordsOf(json.value);
  if ('issue' in found) return { total: 0, records: [], issues: [found.issue] };
  const { items, base } = found;
  if (items.length === 0) return { total: 0, records: [], issues: [fileIssue('в файле нет ни одного обращения')] };
  if (items.length > MAX_IMPORT_RECORDS) {
    return {
      total: items.length,
      records: [],
      issues: [fileIssue(`в файле ${items.length} обращений — не более ${MAX_IMPORT_RECORDS} в одном файле`)],
    };
  }
  const records: ParsedRecord[] = [];
  const issues: ImportIssue[] = [];
  items.forEach((item, record) => {
    const parsed = importAppealSchema.safeParse(item, { reportInput: true });
    if (parsed.success) records.push({ record, path: base(record), appeal: parsed.data });
    else issues.push(...shapeIssues(parsed.error, record, base(record)));
  });
  return { total: items.length, records, issues };
}

/** The JSON Schema of the file (draft 2020-12), generated from the zod schema: docs/json-import.schema.json. */
export function importJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(importFileSchema, { io: 'input', unrepresentable: 'any' }),
    $id: 'https://arm-appeals.local/schemas/appeals-1.json',
    title: 'Обращения для загрузки в АРМ делопроизводителя (arm-appeals/appeals@1)',
  };
}
