/**
 * A workstation process for the kill -9 test: opens the data folder, syncs until quiet, prints
 * `ready` once loaded and `quiet` when done. The parent kills it at random moments.
 * Usage: node sync-child.mjs <dataDir> <baseUrl> <migrationsFolder> (bundled by kill-recovery.test.ts)
 */
import { join } from 'node:path';
import { openDatabase } from '../../../db/open';
import { AttachmentStore } from '../../../electron/services/attachments/attachment-store';
import { SyncEngine } from '../../../electron/services/sync/sync-engine';
import { testApi } from './sync-harness';

const [dataDir, baseUrl, migrationsFolder] = process.argv.slice(2);
if (!dataDir || !baseUrl || !migrationsFolder) throw new Error('usage: sync-child <dataDir> <baseUrl> <migrations>');
const store = openDatabase(dataDir, { migrationsFolder });
const engine = new SyncEngine({
  store,
  files: new AttachmentStore(join(dataDir, 'attachments')),
  api: testApi(baseUrl),
  batchSize: 3,
  pageSize: 4,
  upload: { attempts: 3, baseMs: 5, maxMs: 20 },
});
process.stdout.write('ready\n');
for (let round = 0; round < 50; round += 1) {
  const report = await engine.syncOnce();
  if (report.ok && engine.status().pending === 0) break;
}
process.stdout.write('quiet\n');
store.close();
