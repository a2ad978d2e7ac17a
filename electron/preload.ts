import { contextBridge, ipcRenderer } from 'electron';

const CHANNEL = /^[a-z]+:[a-zA-Z]+$/;

/**
 * The one bridge (design.md): `window.api.invoke(channel, input)`. No Node, no ipcRenderer object,
 * no arbitrary channels reach the page; the main process validates every input with the contract.
 */
export const bridge = {
  invoke(channel: string, input: unknown): Promise<unknown> {
    if (typeof channel !== 'string' || !CHANNEL.test(channel)) {
      return Promise.resolve({ ok: false, error: { code: 'BAD_INPUT', message: 'Недопустимый канал' } });
    }
    return ipcRenderer.invoke(channel, input);
  },
};

contextBridge.exposeInMainWorld('api', bridge);
