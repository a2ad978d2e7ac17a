import type { AxiosError, AxiosRequestConfig } from 'axios';
import type { IAxiosRetryConfig } from 'axios-retry';
import { type BackoffPolicy, backoffDelay, parseRetryAfter } from './backoff';
import { isTimeoutError } from './to-central-error';

export interface RetryOptions extends BackoffPolicy {
  /** Retries after the first attempt. */
  retries: number;
  /** A longer `Retry-After` is not waited out inside one call: the engine's next round honours it. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY: RetryOptions = { retries: 4, baseMs: 300, maxMs: 10_000, maxRetryAfterMs: 30_000 };

/** Paths (relative to /api/v1) whose POST is safe to repeat: the token, and commands (idempotent by id). */
const REPEATABLE_POSTS = new Set(['/auth/token', '/commands']);

/**
 * Safe to send twice: GET and HEAD, the token request, and POST /commands. PUT of a file is not
 * retried blindly here: the engine asks HEAD for the server's offset and resumes from it.
 */
export function isRepeatableRequest(config: AxiosRequestConfig | undefined): boolean {
  const method = (config?.method ?? 'get').toLowerCase();
  if (method === 'get' || method === 'head') return true;
  return method === 'post' && REPEATABLE_POSTS.has(config?.url ?? '');
}

/** A failure that may pass: no connection, timeout, 429, or 500/502/503/504. Never another 4xx. */
export function isTransientFailure(error: AxiosError): boolean {
  const status = error.response?.status;
  if (status === undefined) return error.code !== 'ERR_CANCELED' || isTimeoutError(error);
  return status === 429 || status === 500 || status === 502 || status === 503 || status === 504;
}

const retryAfterOf = (error: AxiosError) => parseRetryAfter(error.response?.headers['retry-after']);

/** axios-retry settings: exponential backoff with jitter, `Retry-After` honoured, fresh timeout per try. */
export function retryConfig(options: RetryOptions, onRetry?: (line: string) => void): IAxiosRetryConfig {
  return {
    retries: options.retries,
    shouldResetTimeout: true,
    retryCondition: (error) => {
      if (!isRepeatableRequest(error.config) || !isTransientFailure(error)) return false;
      const wait = retryAfterOf(error);
      return wait === null || wait <= options.maxRetryAfterMs;
    },
    retryDelay: (count, error) => retryAfterOf(error) ?? backoffDelay(count, options),
    onRetry: (count, error, config) => {
      const why = error.response?.status ?? error.code ?? 'error';
      onRetry?.(`повтор ${count}: ${(config.method ?? 'get').toUpperCase()} ${config.url ?? ''} (${why})`);
    },
  };
}
