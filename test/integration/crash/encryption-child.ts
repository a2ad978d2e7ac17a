/**
 * A workstation process for the kill -9 test of the encryption's migration (decision 014): opens the
 * data folder with the passphrase and encrypts and decrypts it in turn, printing `ready` first and
 * `done <action>` after each, until it is killed. Usage: node child.mjs <dataDir> <migrations> <passphrase>
 */
import { join } from 'node:path';
import { openDatabase } from '../../../db/open';
import { AttachmentStore } from '../../../electron/services/attachments/attachment-store';
import { cleanInterrupted } from '../../../electron/services/backup/backup-files';
import { DataKeys, passphraseProtector } from '../../../electron/services/encryption/data-key';
import { EncryptionService } from '../../../electron/services/encryption/encryption-service';

const [dataDir = '', migrationsFolder = '', passphrase = ''] = process.argv.slice(2);
cleanInterrupted(dataDir);
const keys = new DataKeys(dataDir, passphraseProtector(passphrase));
const store = openDatabase(dataDir, { migrationsFolder, key: keys.key() });
const files = new AttachmentStore(join(dataDir, 'attachments'), keys);
const service = new EncryptionService({
  dataDir,
  store,
  files,
  keys,
  openOptions: { migrationsFolder },
  clock: () => new Date(),
});
const actor = { login: 'crash', userId: null };
process.stdout.write('ready\n');
for (let round = 0; round < 6; round += 1) {
  const action = service.status().database ? 'decrypt' : 'encrypt';
  if (action === 'encrypt') await service.encrypt(actor);
  else await service.decrypt(actor);
  process.stdout.write(`done ${action}\n`);
}
store.close();
