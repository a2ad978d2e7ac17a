import type { IncomingMessage } from 'node:http';
import type { FastifyRequest } from 'fastify';

/**
 * API versions the server answers (regulation 4.14: the previous version is kept for a year). v2 is
 * v1 plus fields: a feed change carries `at` (when the central system recorded it), a command result
 * `answeredAt`. Routes are registered once under /api/v1; a /api/v2 request is rewritten to it with
 * its version remembered, and the handlers add v2's fields.
 */
export const API_VERSIONS = ['v1', 'v2'] as const;
export type ApiVersion = (typeof API_VERSIONS)[number];

const VERSIONED = /^\/api\/v2(\/|$)/;
const versions = new WeakMap<IncomingMessage, ApiVersion>();

/** Fastify `rewriteUrl`: `/api/v2/…` → `/api/v1/…`. */
export function rewriteVersionedUrl(req: IncomingMessage): string {
  const url = req.url ?? '/';
  if (!VERSIONED.test(url)) return url;
  versions.set(req, 'v2');
  return url.replace(VERSIONED, '/api/v1$1');
}

export function apiVersionOf(request: FastifyRequest): ApiVersion {
  return versions.get(request.raw) ?? 'v1';
}
