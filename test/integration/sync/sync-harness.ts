import { openDatabase } from '../../../db/open';
import type { CentralApi } from '../../../electron/services/sync/central-api';
import { MemoryCredentialStore } from '../../../electron/services/sync/credentials';
import { HttpCentralApi } from '../../../electron/services/sync/http-central-api';
import { SyncEngine, type SyncReport } from '../../../electron/services/sync/sync-engine';
import { type CentralServer, createCentralServer } from '../../../server/create-server';
import { type FaultProxy, startFaultProxy } from '../../helpers/fault-proxy';
import { TINY_PDF } from '../../helpers/test-services';
import { centralServices, type Env, filedAppeal } from '../../unit/services/sync/sync-fixtures';

export const CENTRAL_ORG = 'org-central';
export const CLIENT = { clientId: 'org-client', secretAccessKey: 'org-secret-access-key' };

export function startCentral(dataDir: string | null = null): CentralServer {
  return createCentralServer({
    dataDir,
    clients: [
      {
        clientId: CLIENT.clientId,
        clientSecret: CLIENT.secretAccessKey,
        orgId: CENTRAL_ORG,
        orgName: 'Тестовая администрация',
      },
    ],
  });
}

/** The HTTP client as tests use it: short timeouts and quick retries, so faults cost milliseconds. */
export function testApi(baseUrl: string, timeoutMs = 400): HttpCentralApi {
  return new HttpCentralApi({
    baseUrl,
    credentials: new MemoryCredentialStore(CLIENT),
    timeoutMs,
    fileTimeoutMs: timeoutMs * 2,
    retry: { retries: 2, baseMs: 10, maxMs: 50, maxRetryAfterMs: 2_000 },
  });
}

/** Local workstation + in-process central server + fault proxy between them. */
export class SyncRig {
  readonly env: Env;
  proxy!: FaultProxy;
  central!: CentralServer;
  /** The central server itself, bypassing the proxy. */
  centralUrl = '';
  api!: CentralApi;

  private constructor() {
    this.env = centralServices();
  }

  static async start(timeoutMs?: number): Promise<SyncRig> {
    const rig = new SyncRig();
    rig.central = startCentral();
    rig.centralUrl = await rig.central.listen();
    rig.proxy = await startFaultProxy(rig.centralUrl, { maxDelayMs: 2_000 });
    rig.api = testApi(rig.proxy.url, timeoutMs);
    return rig;
  }

  engine(api: CentralApi = this.api): SyncEngine {
    return new SyncEngine({
      store: this.env.services.store,
      files: this.env.services.files,
      api,
      pageSize: 7,
      batchSize: 5,
      upload: { attempts: 3, baseMs: 5, maxMs: 20 },
    });
  }

  /** A crash: the working copy is closed as it is and opened again (migrations, pragmas and all). */
  reopen(): void {
    try {
      this.env.services.store.close();
    } catch {
      // already closed by the simulated crash
    }
    const store = openDatabase(this.env.dataDir);
    this.env.services.store = store;
    this.env.clerk.store = store;
  }

  /** Rounds until one succeeds with nothing pending (bounded); returns the reports. */
  async syncUntilQuiet(maxRounds = 30, engine = this.engine()): Promise<SyncReport[]> {
    const reports: SyncReport[] = [];
    for (let round = 0; round < maxRounds; round += 1) {
      const report = await engine.syncOnce();
      reports.push(report);
      if (report.ok && engine.status().pending === 0) return reports;
    }
    throw new Error(`no quiet round after ${maxRounds}: ${reports.map((r) => r.error).join(' | ')}`);
  }

  /** An applicant files an appeal on the portal (with `files` small PDFs). */
  fileOnPortal(files = 0, surname = 'Сидоренко'): string {
    const remote = Array.from({ length: files }, (_, i) => {
      const bytes = Buffer.concat([TINY_PDF, Buffer.from(`%portal-${surname}-${i}-${Math.random()}\n`)]);
      return { sha256: this.central.storeFile(CENTRAL_ORG, bytes), name: `файл-${i}.pdf`, size: bytes.length };
    });
    const filed = filedAppeal(remote, surname);
    this.central.fileAppeal(CENTRAL_ORG, filed);
    return filed.id;
  }

  /** What the central server holds, for exactly-once checks. */
  centralRegistrations(): { id: string; regNumber: string; provisional: string | null }[] {
    return this.central.context.db
      .prepare(
        'SELECT id, reg_number AS regNumber, provisional_number AS provisional FROM appeals WHERE org_id = ? AND reg_number IS NOT NULL ORDER BY reg_seq',
      )
      .all(CENTRAL_ORG) as { id: string; regNumber: string; provisional: string | null }[];
  }

  local<T>(sql: string, ...params: unknown[]): T[] {
    return this.env.services.store.sqlite.prepare(sql).all(...params) as T[];
  }

  async close(): Promise<void> {
    await this.proxy.close();
    await this.central.close();
    this.env.services.store.close();
    this.env.cleanup();
  }
}
