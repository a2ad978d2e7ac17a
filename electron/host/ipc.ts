import { channels } from '../../shared/contract';
import type { AppServices, Session } from '../services/context';
import { dispatch } from './dispatch';

/** The part of Electron's ipcMain this host needs (kept structural so it is testable without Electron). */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, input: unknown) => Promise<unknown>): void;
}
export interface IpcEventLike {
  sender: { id: number };
  senderFrame: { url: string } | null;
}

/**
 * Electron host: one `ipcMain.handle` per contract channel, all dispatching to the shared handler
 * table. Calls from any frame not loaded from our own renderer are refused (Electron Fiddle's rule);
 * each window (webContents) has its own session.
 */
export function registerIpcHandlers(
  ipcMain: IpcMainLike,
  services: AppServices,
  isTrustedUrl: (url: string) => boolean,
): Map<number, Session> {
  const sessions = new Map<number, Session>();
  for (const channel of Object.keys(channels)) {
    ipcMain.handle(channel, async (event, input) => {
      if (!event.senderFrame || !isTrustedUrl(event.senderFrame.url)) {
        return { ok: false, error: { code: 'NOT_ALLOWED', message: 'Вызов из недоверенного окна отклонён' } };
      }
      let session = sessions.get(event.sender.id);
      if (!session) {
        session = { user: null };
        sessions.set(event.sender.id, session);
      }
      return dispatch(services, session, channel, input);
    });
  }
  return sessions;
}
