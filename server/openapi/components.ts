import { z } from 'zod';
import { appealCardSchema } from '../../shared/appeals/schema';
import { reviewCommandSchema } from '../../shared/review/actions';
import {
  apiProblemSchema,
  changeSchema,
  changesPageSchema,
  commandBatchSchema,
  commandResultSchema,
  commandResultsSchema,
  commandSchema,
  filedAppealSchema,
  organisationSchema,
  organisationsPageSchema,
  remoteFileSchema,
  tokenRequestSchema,
  tokenResponseSchema,
} from '../../shared/sync/protocol';

/** The answer of PUT /files/{sha256} (this server's addition; not in protocol.ts). */
export const fileStatusSchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Bytes stored so far (the whole size when complete). */
  size: z.number().int().nonnegative(),
  complete: z.boolean(),
});

type JsonSchema = Record<string, unknown>;
const REF = '#/components/schemas/';

/** What a client sends: read in zod's `input` mode (fields with defaults are optional). */
const REQUESTS: Readonly<Record<string, z.ZodType>> = {
  TokenRequest: tokenRequestSchema,
  Command: commandSchema,
  CommandBatch: commandBatchSchema,
  AppealCard: appealCardSchema,
  /** The payload of a ReviewAction command. */
  ReviewCommand: reviewCommandSchema,
};

/** What the server answers: `output` mode. */
const RESPONSES: Readonly<Record<string, z.ZodType>> = {
  TokenResponse: tokenResponseSchema,
  ApiProblem: apiProblemSchema,
  RemoteFile: remoteFileSchema,
  FiledAppeal: filedAppealSchema,
  Change: changeSchema,
  ChangesPage: changesPageSchema,
  CommandResult: commandResultSchema,
  CommandResults: commandResultsSchema,
  Organisation: organisationSchema,
  OrganisationsPage: organisationsPageSchema,
  FileStatus: fileStatusSchema,
};

/**
 * Zod 4 writes `additionalProperties: false` for every object in output mode; the protocol's objects
 * are non-strict (both sides tolerate unknown fields), so only a strict object keeps it.
 */
function tolerateUnknownFields(ctx: { zodSchema: z.core.$ZodTypes; jsonSchema: JsonSchema }): void {
  const def = ctx.zodSchema._zod.def;
  if (def.type === 'object' && def.catchall === undefined && ctx.jsonSchema.additionalProperties === false) {
    delete ctx.jsonSchema.additionalProperties;
  }
}

function generate(schemas: Readonly<Record<string, z.ZodType>>, io: 'input' | 'output'): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(schemas)) registry.add(schema, { id });
  const out = z.toJSONSchema(registry, {
    io,
    target: 'draft-2020-12',
    uri: (id) => `${REF}${id}`,
    override: tolerateUnknownFields,
  }) as { schemas: Record<string, JsonSchema> };
  const result: Record<string, JsonSchema> = {};
  for (const [id, schema] of Object.entries(out.schemas)) {
    const { $schema: _s, $id: _i, ...rest } = schema;
    result[id] = rest;
  }
  return result;
}

/** `components.schemas` of the OpenAPI document, generated from shared/sync/protocol.ts. */
export function componentSchemas(): Record<string, JsonSchema> {
  return { ...generate(REQUESTS, 'input'), ...generate(RESPONSES, 'output') };
}

export const ref = (id: string) => ({ $ref: `${REF}${id}` });
