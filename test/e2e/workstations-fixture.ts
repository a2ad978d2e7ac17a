import { type ChildProcess, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base } from '@playwright/test';
import { DEMO_CENTRAL_CLIENT } from '../../electron/host/backend';
import { CREDENTIALS_FILE } from '../../electron/services/sync/credentials';
import { type CentralServer, createCentralServer } from '../../server/create-server';
import { DEMO_ORGANISATION } from '../../shared/demo/demo-organisation';
import { type FaultProxy, startFaultProxy } from '../helpers/fault-proxy';
import { startApp, stopApp } from './app-fixture';

/** One workstation in browser mode, reaching the central server through its own cuttable proxy. */
export interface Workstation {
  url: string;
  dataDir: string;
  /** `proxy.setOffline(true)` cuts this workstation's network to the central server. */
  proxy: FaultProxy;
}

export interface Organisation {
  central: CentralServer;
  orgId: string;
  a: Workstation;
  b: Workstation;
}

/**
 * Two workstations of the demo organisation (separate data folders, the same staff, no appeals) and
 * one standalone reference central server run by the test itself, so it can play the applicant.
 */
export const test = base.extend<{ org: Organisation }>({
  org: async ({ browserName: _ }, use) => {
    const root = mkdtempSync(join(tmpdir(), 'arm-e2e-org-'));
    const central = createCentralServer({
      dataDir: join(root, 'central'),
      clients: [{ ...DEMO_CENTRAL_CLIENT, orgId: DEMO_CENTRAL_CLIENT.clientId, orgName: DEMO_ORGANISATION.name }],
    });
    const centralUrl = await central.listen(0);
    const children: ChildProcess[] = [];
    const proxies: FaultProxy[] = [];
    const workstation = async (name: string): Promise<Workstation> => {
      const dataDir = join(root, name);
      const seeded = spawnSync('npx', ['tsx', 'electron/cli/seed.ts', '--data', dataDir, '--appeals', '0'], {
        encoding: 'utf8',
      });
      if (seeded.status !== 0) throw new Error(`seed failed: ${seeded.stderr}`);
      writeFileSync(
        join(dataDir, CREDENTIALS_FILE),
        JSON.stringify({ clientId: DEMO_CENTRAL_CLIENT.clientId, secretAccessKey: DEMO_CENTRAL_CLIENT.clientSecret }),
        { mode: 0o600 },
      );
      const proxy = await startFaultProxy(centralUrl, { maxRequests: 1_000_000 });
      proxies.push(proxy);
      const { child, url } = await startApp(dataDir, ['--server', proxy.url, '--no-demo']);
      children.push(child);
      return { url, dataDir, proxy };
    };
    const a = await workstation('a');
    const b = await workstation('b');
    await use({ central, orgId: DEMO_CENTRAL_CLIENT.clientId, a, b });
    await Promise.all(children.map(stopApp));
    for (const proxy of proxies) await proxy.close();
    await central.close();
    rmSync(root, { recursive: true, force: true });
  },
});
