import { expect } from 'vitest';
import type { SyncRig } from './sync-harness';

/**
 * After sync settles: every locally registered appeal is registered exactly once on the server
 * (gap-free official numbers 1..N, no command applied twice, the same number on both sides), and
 * every appeal filed on the portal exists exactly once locally with all its files.
 */
export function expectExactlyOnce(rig: SyncRig, registered: string[], filed: string[]): void {
  const central = rig.centralRegistrations();
  expect(central.map((r) => r.id).sort()).toEqual([...registered].sort());
  expect(central.map((r) => r.regNumber)).toEqual(central.map((_, i) => `ОГ-2026-${i + 1}`));
  const doubles = rig.central.context.db
    .prepare("SELECT appeal_id FROM commands WHERE outcome = 'applied' GROUP BY appeal_id HAVING count(*) > 1")
    .all();
  expect(doubles).toEqual([]);
  const local = rig.local<{ id: string; regNumber: string | null; provisional: number }>(
    'SELECT id, reg_number AS regNumber, number_provisional AS provisional FROM appeals WHERE status = ?',
    'registered',
  );
  expect(local.map((r) => [r.id, r.regNumber, r.provisional]).sort()).toEqual(
    central.map((r) => [r.id, r.regNumber, 0]).sort(),
  );
  const numbered = rig.local<{ n: number }>("SELECT count(*) AS n FROM history WHERE action = 'numbered'");
  expect(numbered).toEqual([{ n: registered.length }]);
  expect(rig.local("SELECT state FROM outbox WHERE state <> 'applied'")).toEqual([]);

  const received = rig.local<{ id: string }>("SELECT id FROM appeals WHERE status = 'received' ORDER BY id");
  expect(received.map((r) => r.id)).toEqual([...filed].sort());
  const history = rig.local<{ n: number }>("SELECT count(*) AS n FROM history WHERE action = 'received'");
  expect(history).toEqual([{ n: filed.length }]);
  const files = rig.local<{ sha256: string }>(
    "SELECT sha256 FROM attachments WHERE appeal_id IN (SELECT id FROM appeals WHERE status = 'received')",
  );
  for (const { sha256 } of files) expect(rig.env.services.files.has(sha256)).toBe(true);
}
