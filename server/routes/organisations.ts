import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { organisationsPageSchema } from '../../shared/sync/protocol';
import type { ServerContext } from '../context';
import { organisationDirectory } from '../directory/organisations';

/** GET /api/v1/organisations: the directory for redirects. */
export function organisationsRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const page: z.infer<typeof organisationsPageSchema> = { organisations: organisationDirectory(ctx.orgs.values()) };
  app.get('/api/v1/organisations', async () => page);
}
