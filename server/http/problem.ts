import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import type { z } from 'zod';
import { API_VERSION } from '../../shared/sync/protocol';
import { API_VERSIONS, type ApiVersion } from './api-version';

/** Every error answer: HTTP status + the protocol's ApiProblem body `{ code, message }` (Russian message). */
export function sendProblem(reply: FastifyReply, status: number, code: string, message: string): FastifyReply {
  return reply.code(status).type('application/json; charset=utf-8').send({ code, message });
}

export function describeZodError(error: z.ZodError, what: string): string {
  const parts = error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(корень)'}: ${i.message}`);
  const more = error.issues.length > 3 ? ` (и ещё ошибок: ${error.issues.length - 3})` : '';
  return `${what} не соответствует протоколу: ${parts.join('; ')}${more}`;
}

const FASTIFY_PROBLEMS: Readonly<Record<string, readonly [string, string]>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [
    'BAD_REQUEST',
    'Тело запроса не является корректным JSON (или содержит запрещённый ключ __proto__ / constructor.prototype)',
  ],
  FST_ERR_CTP_EMPTY_JSON_BODY: ['BAD_REQUEST', 'Пустое тело запроса при Content-Type: application/json'],
  FST_ERR_CTP_BODY_TOO_LARGE: ['PAYLOAD_TOO_LARGE', 'Тело запроса слишком большое'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: ['UNSUPPORTED_MEDIA_TYPE', 'Неподдерживаемый Content-Type запроса'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: ['BAD_REQUEST', 'Content-Length не совпадает с длиной тела запроса'],
};

const SUPPORTED = `/api/${API_VERSION}`;
const FILES_PREFIX = `${SUPPORTED}/files/`;

/**
 * Errors and unknown routes as ApiProblem. 5xx never leak internals; versions other than v1 and v2
 * get a clear UNSUPPORTED_VERSION (the operator keeps an old version for a year, regulation 4.14;
 * v2 requests reach here rewritten to v1, see api-version.ts).
 */
export function installProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = typeof error.statusCode === 'number' && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500) {
      request.log.error({ err: error }, 'central server error');
      return sendProblem(reply, 500, 'INTERNAL', 'Внутренняя ошибка сервера');
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' && request.routeOptions.url?.startsWith(FILES_PREFIX)) {
      return sendProblem(reply, 413, 'FILE_TOO_LARGE', 'Файл больше 15 МБ');
    }
    const known = FASTIFY_PROBLEMS[error.code];
    if (known) return sendProblem(reply, status, known[0], known[1]);
    if (error instanceof SyntaxError)
      return sendProblem(reply, 400, 'BAD_REQUEST', 'Тело запроса не является корректным JSON');
    return sendProblem(reply, status, 'BAD_REQUEST', `Некорректный запрос (${error.code || status})`);
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const version = /^\/api\/(v\d+)(\/|$)/.exec(path)?.[1];
    if (version !== undefined && !API_VERSIONS.includes(version as ApiVersion)) {
      return sendProblem(
        reply,
        404,
        'UNSUPPORTED_VERSION',
        `Версия API ${version} не поддерживается; поддерживаемые версии: ${API_VERSIONS.join(', ')} (${SUPPORTED}/…)`,
      );
    }
    return sendProblem(reply, 404, 'NOT_FOUND', `Нет такого метода API: ${request.method} ${path.slice(0, 200)}`);
  });
}
