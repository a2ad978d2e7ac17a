import { afterEach, describe, expect, it } from 'vitest';
import type { Fault } from '../../helpers/fault-proxy';
import { registerSome } from '../../unit/services/sync/sync-fixtures';
import { expectExactlyOnce } from './exactly-once';
import { SyncRig } from './sync-harness';

let rig: SyncRig | null = null;
afterEach(async () => {
  await rig?.close();
  rig = null;
});

const TIMEOUT_MS = 300;
const TARGETS = {
  token: /^POST \/api\/v1\/auth\/token/,
  'file head': /^HEAD \/api\/v1\/files\//,
  'file upload': /^PUT \/api\/v1\/files\//,
  commands: /^POST \/api\/v1\/commands/,
  changes: /^GET \/api\/v1\/changes/,
  'file download': /^GET \/api\/v1\/files\//,
} as const;
const FAULTS: Record<string, Fault> = {
  'connection refused': { kind: 'refuse' },
  'response lost': { kind: 'lose-response' },
  'delay beyond the timeout': { kind: 'delay', ms: TIMEOUT_MS + 200 },
  'short delay': { kind: 'delay', ms: 50 },
  '503 + Retry-After': { kind: 'unavailable', retryAfterSeconds: 0 },
  'request cut off': { kind: 'cut-request' },
};

const cases = Object.entries(TARGETS).flatMap(([target, pattern]) =>
  Object.entries(FAULTS).map(([fault, mode]) => ({ target, pattern, fault, mode })),
);

describe('every fault mode during push and pull ends with exactly-once effects', () => {
  it.each(cases)('$fault on $target', async ({ pattern, mode }) => {
    rig = await SyncRig.start(TIMEOUT_MS);
    const registered = [...registerSome(rig.env, 2, true), ...registerSome(rig.env, 2)];
    const filed = [rig.fileOnPortal(2, 'Андреев'), rig.fileOnPortal(0, 'Борисов'), rig.fileOnPortal(1, 'Васильев')];
    let hits = 0;
    rig.proxy.setPlan(({ method, path }) => {
      if (!pattern.test(`${method} ${path}`) || hits >= 4) return { kind: 'pass' };
      hits += 1;
      return mode;
    });
    const reports = await rig.syncUntilQuiet(10);
    expect(hits).toBeGreaterThan(0);
    expectExactlyOnce(rig, registered, filed);
    // A second quiet round changes nothing.
    const again = await rig.engine().syncOnce();
    expect(again).toMatchObject({ ok: true, push: { applied: 0, duplicate: 0 }, pull: { applied: 0 } });
    expectExactlyOnce(rig, registered, filed);
    expect(reports.length).toBeLessThanOrEqual(10);
  });
});
