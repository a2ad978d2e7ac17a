import { join } from 'node:path';
import type { WorkingCopy } from '../../db/open';
import type { Role } from '../../shared/appeals/enums';
import { AttachmentStore } from '../services/attachments/attachment-store';
import type { CallContext } from '../services/context';

/** The call context of a command: the data folder's services, acting as «Командная строка» with `roles`. */
export function cliContext(
  store: WorkingCopy,
  dataDir: string,
  roles: Role[],
  files = new AttachmentStore(join(dataDir, 'attachments')),
): CallContext {
  return {
    store,
    files,
    clock: () => new Date(),
    mode: 'browser',
    version: 'cli',
    demoLogin: null,
    sync: null,
    dataDir,
    session: { user: { id: 'cli', login: 'cli', fullName: 'Командная строка', position: '', roles } },
  };
}
