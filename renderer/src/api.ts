import { type ApiClient, type ApiResult, type Channel, createApiClient, type Transport } from '../../shared/contract';

/** What preload.ts exposes in the Electron build (contextBridge). */
interface ElectronBridge {
  invoke(channel: string, input: unknown): Promise<ApiResult<unknown>>;
}

declare global {
  interface Window {
    api?: ElectronBridge;
  }
}

const TOKEN_KEY = 'arm.sessionToken';

/** Browser mode: the loopback host prints a URL with `#token=…`; keep it for this tab and hide it from the address bar. */
function sessionToken(): string {
  const match = /token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function httpTransport(): Transport {
  const token = sessionToken();
  return async (channel: Channel, input: unknown) => {
    const response = await fetch(`/api/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(input),
    });
    return (await response.json()) as ApiResult<unknown>;
  };
}

function ipcTransport(bridge: ElectronBridge): Transport {
  return (channel, input) => bridge.invoke(channel, input);
}

/** The one typed API client of the renderer, whichever host serves it. */
export const api: ApiClient = createApiClient(window.api ? ipcTransport(window.api) : httpTransport());
