import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import type { FiledAppeal } from '../shared/sync/protocol';
import { TokenRegistry } from './auth/token-registry';
import { type CentralClient, type CentralServerOptions, DEFAULT_TOKEN_TTL_SECONDS, organisationsOf } from './config';
import type { ServerContext } from './context';
import { changeAppealStatus, fileAppeal, publishTopic, type TopicChange } from './feed-events';
import { diskBlobStore, memoryBlobStore } from './files/blob-store';
import { storeWholeFile } from './files/upload';
import { rewriteVersionedUrl } from './http/api-version';
import { installAuthentication } from './http/authenticate';
import { installProblemHandlers } from './http/problem';
import { authRoutes } from './routes/auth';
import { changesRoutes } from './routes/changes';
import { commandsRoutes } from './routes/commands';
import { filesRoutes } from './routes/files';
import { openApiRoutes } from './routes/openapi';
import { organisationsRoutes } from './routes/organisations';
import { type ApplicantSimulation, type SimulationOptions, simulateApplicants } from './simulate-applicants';
import { openCentralDatabase } from './store/open-store';
import { upsertOrganisations } from './store/organisations';

export interface RouteInfo {
  method: string;
  url: string;
}

export interface CentralServer {
  app: FastifyInstance;
  /** Listens (default: a free port on 127.0.0.1) and returns the base URL, e.g. `http://127.0.0.1:8300`. */
  listen(port?: number, host?: string): Promise<string>;
  /** Stops listening, timers and the database; safe to call twice. */
  close(): Promise<void>;
  /** An applicant filed an appeal on the portal (simulation, tests): `appeal.filed` in the org's feed. */
  fileAppeal(orgId: string, filed: FiledAppeal): void;
  /** Puts a whole file into the organisation's file store; returns its sha256. */
  storeFile(orgId: string, bytes: Uint8Array): string;
  /** `appeal.status` (e.g. 'withdrawn' by the applicant on the portal). */
  setAppealStatus(orgId: string, appealId: string, status: string, note?: string): void;
  /** `classifier.topic`. */
  publishTopic(orgId: string, topic: TopicChange): void;
  /** Applicants filing portal appeals to an organisation at a rate; stopped by `close()`. */
  simulateApplicants(options: SimulationOptions): ApplicantSimulation;
  /** Routes registered on `app` (for the OpenAPI completeness test). */
  readonly routes: readonly RouteInfo[];
  readonly context: ServerContext;
}

/**
 * The reference central server (design.md, "Data and sync"): Fastify + its own SQLite database and
 * content-addressed file store, speaking shared/sync/protocol.ts under /api/v1.
 */
export function createCentralServer(options: CentralServerOptions): CentralServer {
  const clock = options.clock ?? (() => new Date());
  const orgList = organisationsOf(options.clients);
  const db = openCentralDatabase(options.dataDir);
  upsertOrganisations(db, orgList);
  const ctx: ServerContext = {
    db,
    blobs: options.dataDir === null ? memoryBlobStore() : diskBlobStore(join(options.dataDir, 'files')),
    clock,
    tokens: new TokenRegistry(clock, options.tokenTtlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS),
    clients: new Map<string, CentralClient>(options.clients.map((c) => [c.clientId, c])),
    orgs: new Map(orgList.map((o) => [o.id, o])),
  };

  const app = Fastify({
    logger: options.logger ? { redact: ['req.headers.authorization', 'req.body.clientSecret'] } : false,
    // The default 1 MiB suits JSON requests; the commands and files routes set their own limits.
    bodyLimit: 1024 * 1024,
    return503OnClosing: true,
    exposeHeadRoutes: false,
    rewriteUrl: rewriteVersionedUrl,
  });
  const routes: RouteInfo[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url });
  });
  installProblemHandlers(app);
  installAuthentication(app, ctx.tokens);
  authRoutes(app, ctx);
  changesRoutes(app, ctx);
  commandsRoutes(app, ctx);
  filesRoutes(app, ctx);
  organisationsRoutes(app, ctx);
  openApiRoutes(app);

  const stops: (() => void)[] = [];
  let closed: Promise<void> | undefined;
  const server: CentralServer = {
    app,
    routes,
    context: ctx,
    async listen(port = 0, host = '127.0.0.1') {
      await app.listen({ port, host });
      const address = app.server.address();
      if (address === null || typeof address === 'string') throw new Error('central server: no TCP address');
      const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      return `http://${shownHost}:${address.port}`;
    },
    close() {
      closed ??= (async () => {
        for (const stop of stops.splice(0)) stop();
        await app.close();
        db.close();
      })();
      return closed;
    },
    fileAppeal: (orgId, filed) => fileAppeal(ctx, orgId, filed),
    storeFile: (orgId, bytes) => {
      if (!ctx.orgs.has(orgId)) throw new Error(`central server: unknown organisation «${orgId}»`);
      return storeWholeFile(ctx, orgId, bytes);
    },
    setAppealStatus: (orgId, appealId, status, note) => changeAppealStatus(ctx, orgId, appealId, status, note),
    publishTopic: (orgId, topic) => publishTopic(ctx, orgId, topic),
    simulateApplicants: (simulation) => {
      if (!ctx.orgs.has(simulation.orgId)) {
        throw new Error(`central server: unknown organisation «${simulation.orgId}»`);
      }
      const sink = { fileAppeal: server.fileAppeal, storeFile: server.storeFile, clock };
      const running = simulateApplicants(sink, simulation);
      stops.push(running.stop);
      return running;
    },
  };
  return server;
}
