import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ServerContext } from '../context';
import { apiVersionOf } from '../http/api-version';
import { grantOf } from '../http/authenticate';
import { describeZodError, sendProblem } from '../http/problem';
import { DEFAULT_PAGE, MAX_PAGE, readChanges } from '../store/changes';

const digits = (max: number) =>
  z
    .string()
    .regex(/^\d{1,15}$/, 'ожидается целое неотрицательное число')
    .transform(Number)
    .pipe(z.number().int().min(0).max(max));

/** `limit` above MAX_PAGE is lowered to it (the answer's `hasMore` says there is more). */
export const changesQuerySchema = z.object({
  after: digits(Number.MAX_SAFE_INTEGER).default(0),
  limit: digits(Number.MAX_SAFE_INTEGER)
    .pipe(z.number().min(1, 'limit не меньше 1'))
    .transform((n) => Math.min(n, MAX_PAGE))
    .default(DEFAULT_PAGE),
});

/** GET /api/v1/changes?after=N&limit=M: the organisation's change feed after cursor N (v2: with `at`). */
export function changesRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/api/v1/changes', async (request, reply) => {
    const parsed = changesQuerySchema.safeParse(request.query);
    if (!parsed.success)
      return sendProblem(reply, 400, 'BAD_REQUEST', describeZodError(parsed.error, 'Параметры запроса'));
    reply.header('cache-control', 'no-store');
    const { after, limit } = parsed.data;
    return readChanges(ctx.db, grantOf(request).orgId, after, limit, { withTime: apiVersionOf(request) === 'v2' });
  });
}
