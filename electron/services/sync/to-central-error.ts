import { type AxiosError, isAxiosError } from 'axios';
import { apiProblemSchema } from '../../../shared/sync/protocol';
import { parseRetryAfter } from './backoff';
import { CentralError } from './central-error';

/** Our own wall-clock deadline (an AbortSignal.timeout) fired: a timeout, not a cancellation. */
function deadlineFired(error: AxiosError): boolean {
  const signal = error.config?.signal as AbortSignal | undefined;
  const reason: unknown = signal?.aborted ? signal.reason : undefined;
  return reason instanceof Error && reason.name === 'TimeoutError';
}

export function isTimeoutError(error: AxiosError): boolean {
  return error.code === 'ECONNABORTED' || error.code === 'ETIMEDOUT' || deadlineFired(error);
}

/**
 * Turns whatever a call threw into a `CentralError` whose message names the request and the status
 * only. An AxiosError carries the request config (with the Authorization header) and must never
 * escape this module, or a log line could carry the token.
 */
export function toCentralError(error: unknown, what: string): CentralError {
  if (error instanceof CentralError) return error;
  if (!isAxiosError(error)) {
    const detail = error instanceof Error ? error.name : typeof error;
    return new CentralError('network', `${what}: ${detail}`);
  }
  const status = error.response?.status;
  if (status === undefined) {
    if (isTimeoutError(error)) return new CentralError('timeout', `${what}: нет ответа за отведённое время`);
    return new CentralError('network', `${what}: ${error.code ?? 'сетевая ошибка'}`);
  }
  const problem = apiProblemSchema.safeParse(error.response?.data).data ?? null;
  const text = `${what}: HTTP ${status}${problem ? ` ${problem.code}` : ''}`;
  if (status === 429 || status >= 500) {
    const retryAfterMs = parseRetryAfter(error.response?.headers['retry-after']);
    return new CentralError('unavailable', text, status, problem, retryAfterMs);
  }
  if (status === 401 || status === 403) return new CentralError('auth', text, status, problem);
  return new CentralError('rejected', text, status, problem);
}
