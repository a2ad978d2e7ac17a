import type { WorkingCopy } from '../../db/open';
import type { Role } from '../../shared/appeals/enums';
import type { AttachmentStore } from '../services/attachments/attachment-store';
import type { CallContext } from '../services/context';

type SessionUser = NonNullable<CallContext['session']['user']>;

/** The acting user of a command that works as the system itself: «Командная строка» with `roles`. */
export function commandLineUser(roles: Role[]): SessionUser {
  return { id: 'cli', login: 'cli', fullName: 'Командная строка', position: '', roles };
}

/** The one call context of a command: the data folder's services (opened with its key) and `user`'s session. */
export function cliContext(
  folder: { store: WorkingCopy; files: AttachmentStore },
  dataDir: string,
  user: SessionUser,
): CallContext {
  return {
    store: folder.store,
    files: folder.files,
    clock: () => new Date(),
    mode: 'browser',
    version: 'cli',
    demoLogin: null,
    sync: null,
    dataDir,
    session: { user },
  };
}
