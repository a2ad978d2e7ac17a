import type { FastifyInstance } from 'fastify';
import { commandBatchSchema } from '../../shared/sync/protocol';
import { applyCommands } from '../commands/apply-commands';
import { organisationOf, type ServerContext } from '../context';
import { apiVersionOf } from '../http/api-version';
import { grantOf } from '../http/authenticate';
import { describeZodError, sendProblem } from '../http/problem';

/** 100 full cards of up to 100,000 characters each (regulation 4.3) fit comfortably. */
export const COMMANDS_BODY_LIMIT = 48 * 1024 * 1024;

/** POST /api/v1/commands: a batch of up to 100 commands, each applied at most once (v2: `answeredAt`). */
export function commandsRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post('/api/v1/commands', { bodyLimit: COMMANDS_BODY_LIMIT }, async (request, reply) => {
    const parsed = commandBatchSchema.safeParse(request.body);
    if (!parsed.success) {
      return sendProblem(reply, 400, 'BAD_REQUEST', describeZodError(parsed.error, 'Пакет команд'));
    }
    const org = organisationOf(ctx, grantOf(request).orgId);
    const results = applyCommands({ db: ctx.db, blobs: ctx.blobs, clock: ctx.clock, org }, parsed.data.commands);
    if (apiVersionOf(request) === 'v1') return { results };
    // API v2: when the server answered each command.
    const answeredAt = ctx.clock().toISOString();
    return { results: results.map((result) => ({ ...result, answeredAt })) };
  });
}
