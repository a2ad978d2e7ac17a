import fc from 'fast-check';
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

const TIMEOUT_MS = 250;
const fault: fc.Arbitrary<Fault> = fc.oneof(
  { arbitrary: fc.constant<Fault>({ kind: 'pass' }), weight: 4 },
  { arbitrary: fc.constant<Fault>({ kind: 'refuse' }), weight: 2 },
  { arbitrary: fc.constant<Fault>({ kind: 'lose-response' }), weight: 2 },
  { arbitrary: fc.constant<Fault>({ kind: 'cut-request' }), weight: 1 },
  { arbitrary: fc.constant<Fault>({ kind: 'unavailable', retryAfterSeconds: 0 }), weight: 1 },
  { arbitrary: fc.integer({ min: 0, max: TIMEOUT_MS + 150 }).map<Fault>((ms) => ({ kind: 'delay', ms })), weight: 1 },
);

/** Between rounds: nothing, the clerk registers another appeal, a portal appeal arrives, or a crash. */
const between = fc.constantFrom('nothing', 'register', 'file', 'crash');

describe('random fault schedules (property)', () => {
  it('always end with each appeal registered once centrally and each filed appeal once locally', async () => {
    const injected: Record<string, number> = {};
    await fc.assert(
      fc.asyncProperty(
        fc.array(fault, { maxLength: 24 }),
        fc.array(between, { maxLength: 4 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 0, max: 3 }),
        async (schedule, events, nRegistered, nFiled) => {
          rig = await SyncRig.start(TIMEOUT_MS);
          const r = rig;
          const registered = [...registerSome(r.env, 1, true), ...registerSome(r.env, nRegistered)];
          const filed = Array.from({ length: nFiled }, (_, i) => r.fileOnPortal(i % 2, `Заявитель${i}`));
          r.proxy.setPlan(({ index }) => schedule[index] ?? { kind: 'pass' });
          for (const event of events) {
            await r.engine().syncOnce();
            if (event === 'register') registered.push(...registerSome(r.env, 1));
            if (event === 'file') filed.push(r.fileOnPortal(1, 'Поздний'));
            if (event === 'crash') r.reopen();
          }
          await r.syncUntilQuiet(schedule.length + 5);
          expectExactlyOnce(r, registered, filed);
          for (const [kind, n] of Object.entries(r.proxy.stats.byKind)) injected[kind] = (injected[kind] ?? 0) + n;
          await r.close();
          rig = null;
        },
      ),
      { numRuns: 30 },
    );
    console.info(`requests through the fault proxy by fate: ${JSON.stringify(injected)}`);
    expect(Object.values(injected).reduce((a, b) => a + b, 0) - (injected.pass ?? 0)).toBeGreaterThan(30);
  }, 60_000);
});
