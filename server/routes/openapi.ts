import type { FastifyInstance } from 'fastify';
import { openApiDocument } from '../openapi/document';

/** GET /api/v1/openapi.json: the contract, generated once at start. */
export function openApiRoutes(app: FastifyInstance): void {
  const document = openApiDocument();
  app.get('/api/v1/openapi.json', async () => document);
}
