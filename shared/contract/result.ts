import type { ApiErrorBody } from '../errors';

/** What every call returns, over IPC and HTTP alike. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };
