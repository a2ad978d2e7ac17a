import type { FastifyInstance } from 'fastify';
import { type TokenResponse, tokenRequestSchema } from '../../shared/sync/protocol';
import { authenticateClient } from '../auth/credentials';
import type { ServerContext } from '../context';
import { describeZodError, sendProblem } from '../http/problem';

/** POST /api/v1/auth/token: Client ID + Secret Access Key → short-lived bearer token. */
export function authRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post('/api/v1/auth/token', async (request, reply) => {
    const parsed = tokenRequestSchema.safeParse(request.body);
    if (!parsed.success) return sendProblem(reply, 400, 'BAD_REQUEST', describeZodError(parsed.error, 'Запрос токена'));
    const client = authenticateClient(ctx.clients, parsed.data.clientId, parsed.data.clientSecret);
    reply.header('cache-control', 'no-store');
    if (!client) {
      // Not UNAUTHORIZED/TOKEN_EXPIRED: the client must not "get a new token and retry" on this one.
      return sendProblem(reply, 401, 'INVALID_CLIENT', 'Неверный Client ID или Secret Access Key');
    }
    const { token, expiresIn } = ctx.tokens.issue(client.clientId, client.orgId);
    const body: TokenResponse = { accessToken: token, tokenType: 'Bearer', expiresIn };
    return body;
  });
}
