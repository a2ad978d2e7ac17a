import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validate, version } from 'uuid';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/open';
import { AttachmentStore } from '../../../electron/services/attachments/attachment-store';
import { demoUserId, seedDemo } from '../../../electron/services/demo/seed-demo';
import { DEMO_USERS } from '../../../shared/demo/demo-organisation';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Seeds a fresh data folder with the demo and returns its staff as (login, id). */
async function seededStaff(): Promise<{ login: string; id: string }[]> {
  const dir = mkdtempSync(join(tmpdir(), 'arm-demo-ids-'));
  dirs.push(dir);
  const store = openDatabase(dir);
  try {
    await seedDemo(store, new AttachmentStore(join(dir, 'attachments')), {
      appeals: 3,
      now: new Date('2026-03-10T10:00:00+03:00'),
    });
    return store.sqlite.prepare('SELECT login, id FROM users ORDER BY login').all() as { login: string; id: string }[];
  } finally {
    store.close();
  }
}

describe('demo staff ids', () => {
  it('are the same on every demo workstation: uuid v5 of the login', async () => {
    const [a, b] = [await seededStaff(), await seededStaff()];
    expect(a).toHaveLength(DEMO_USERS.length);
    expect(b).toEqual(a);
    for (const { login, id } of a) {
      expect(id).toBe(demoUserId(login));
      expect(validate(id) && version(id)).toBe(5);
    }
    expect(new Set(a.map((u) => u.id)).size).toBe(a.length);
  });
});
