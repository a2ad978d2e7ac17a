import type { EncryptionStatus } from '../../../shared/encryption/schema';
import type { BackupActor } from '../backup/backup-handle';

/** What the handlers use of the data folder's encryption (implemented by EncryptionService). */
export interface EncryptionHandle {
  status(): EncryptionStatus;
  encrypt(actor: BackupActor, passphrase?: string): Promise<EncryptionStatus>;
  decrypt(actor: BackupActor): Promise<EncryptionStatus>;
}
