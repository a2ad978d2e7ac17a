import type { ApiErrorBody } from '../errors';
import type { Channel, ChannelInput, ChannelOutput } from './channels';
import type { ApiResult } from './result';

/** How a client reaches a host: IPC invoke in Electron, fetch in browser mode, a direct call in tests. */
export type Transport = (channel: Channel, input: unknown) => Promise<ApiResult<unknown>>;

/** Raised on the client side for `{ ok: false }` results so UI code can `try/catch` typed errors. */
export class ApiCallError extends Error {
  constructor(readonly error: ApiErrorBody) {
    super(error.message);
    this.name = 'ApiCallError';
  }
}

export interface ApiClient {
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
}

export function createApiClient(transport: Transport): ApiClient {
  return {
    async call(channel, input) {
      const result = await transport(channel, input);
      if (!result.ok) throw new ApiCallError(result.error);
      return result.value as never;
    },
  };
}
