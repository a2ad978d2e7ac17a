import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { organisationsPageSchema } from '../../shared/sync/protocol';
import type { ServerContext } from '../context';
import { directoryFor, organisationDirectory } from '../directory/organisations';
import { grantOf } from '../http/authenticate';

/** GET /api/v1/organisations: the directory for redirects, requests and instructions, seen by the token's organisation. */
export function organisationsRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const directory = organisationDirectory(ctx.orgs.values());
  app.get(
    '/api/v1/organisations',
    async (request): Promise<z.infer<typeof organisationsPageSchema>> => ({
      organisations: directoryFor(directory, grantOf(request).orgId),
    }),
  );
}
