import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TokenGrant, TokenRegistry } from '../auth/token-registry';
import { sendProblem } from './problem';

/** Routes reachable without a bearer token. */
export const PUBLIC_ROUTES: ReadonlySet<string> = new Set(['/api/v1/auth/token']);

const grants = new WeakMap<FastifyRequest, TokenGrant>();

/** The organisation behind the request's token (set by the auth hook before any protected handler). */
export function grantOf(request: FastifyRequest): TokenGrant {
  const grant = grants.get(request);
  if (!grant) throw new Error('grantOf: request passed no authentication');
  return grant;
}

const MESSAGES = {
  UNAUTHORIZED: 'Требуется авторизация: заголовок Authorization: Bearer <токен> из POST /api/v1/auth/token',
  TOKEN_EXPIRED: 'Срок действия токена истёк: получите новый токен',
} as const;

/** Every route except PUBLIC_ROUTES (and unknown paths, which answer 404) needs `Authorization: Bearer`. */
export function installAuthentication(app: FastifyInstance, tokens: TokenRegistry): void {
  app.addHook('onRequest', async (request, reply) => {
    if (request.is404 || PUBLIC_ROUTES.has(request.routeOptions.url ?? '')) return;
    const header = request.headers.authorization ?? '';
    const match = /^Bearer ([A-Za-z0-9._~+/=-]{1,512})$/i.exec(header.trim());
    const check = match?.[1] ? tokens.check(match[1]) : ({ ok: false, code: 'UNAUTHORIZED' } as const);
    if (!check.ok) {
      const error = check.code === 'TOKEN_EXPIRED' ? 'invalid_token' : match ? 'invalid_token' : 'invalid_request';
      reply.header('www-authenticate', `Bearer realm="central", error="${error}"`);
      return sendProblem(reply, 401, check.code, MESSAGES[check.code]);
    }
    grants.set(request, check.grant);
  });
}
