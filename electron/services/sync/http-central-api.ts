import axios, { type AxiosInstance, type AxiosRequestConfig, type AxiosResponse, isAxiosError } from 'axios';
import axiosRetry from 'axios-retry';
import type { z } from 'zod';
import {
  API_VERSION,
  type Command,
  changesPageSchema,
  commandResultsSchema,
  organisationsPageSchema,
  tokenResponseSchema,
} from '../../../shared/sync/protocol';
import { MAX_FILE_BYTES } from '../../../shared/validation';
import type { CentralApi, RemoteFileState } from './central-api';
import { CentralError } from './central-error';
import type { CredentialStore } from './credentials';
import { DEFAULT_RETRY, type RetryOptions, retryConfig } from './http-retry-policy';
import { toCentralError } from './to-central-error';
import { TokenCache } from './token-cache';

export interface HttpCentralApiOptions {
  /** The server's origin, e.g. `https://xn--80aaf2adbbnk2a.xn--90ais`; `/api/v1` is appended. */
  baseUrl: string;
  credentials: CredentialStore;
  /** Idle timeout of API calls (default 10 s); the whole call is also bounded by 3× this. */
  timeoutMs?: number;
  /** Idle timeout of file transfers (default 60 s). */
  fileTimeoutMs?: number;
  retry?: Partial<RetryOptions>;
  /** Receives one line per retry: method, path, status. Never headers, bodies, keys or tokens. */
  log?: (line: string) => void;
}

const NO_RETRY = { 'axios-retry': { retries: 0 } } as const;

/** The central API over HTTP (axios): timeouts on every call, safe retries, one token renewal on 401. */
export class HttpCentralApi implements CentralApi {
  private readonly http: AxiosInstance;
  private readonly tokens: TokenCache;
  private readonly timeoutMs: number;
  private readonly fileTimeoutMs: number;

  constructor(private readonly options: HttpCentralApiOptions) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.fileTimeoutMs = options.fileTimeoutMs ?? 60_000;
    this.http = axios.create({
      baseURL: `${options.baseUrl.replace(/\/+$/, '')}/api/${API_VERSION}`,
      timeout: this.timeoutMs,
      maxRedirects: 0,
      headers: { Accept: 'application/json' },
    });
    // A fresh wall-clock deadline per attempt (the idle timeout alone lets a trickling server hang us).
    this.http.interceptors.request.use((config) => {
      config.signal = AbortSignal.timeout((config.timeout ?? this.timeoutMs) * 3);
      return config;
    });
    axiosRetry(this.http, retryConfig({ ...DEFAULT_RETRY, ...options.retry }, options.log));
    this.tokens = new TokenCache(() => this.token());
  }

  async token() {
    const credentials = await this.options.credentials.load();
    if (!credentials) throw new CentralError('config', 'учётные данные организации не заданы');
    const body = { clientId: credentials.clientId, clientSecret: credentials.secretAccessKey };
    const response = await this.call('POST /auth/token', { method: 'post', url: '/auth/token', data: body }, false);
    return this.parse('POST /auth/token', tokenResponseSchema, response.data);
  }

  async changes(after: number, limit: number) {
    const response = await this.call('GET /changes', { method: 'get', url: '/changes', params: { after, limit } });
    return this.parse('GET /changes', changesPageSchema, response.data);
  }

  async sendCommands(commands: Command[]) {
    const response = await this.call('POST /commands', { method: 'post', url: '/commands', data: { commands } });
    return this.parse('POST /commands', commandResultsSchema, response.data).results;
  }

  async headFile(sha256: string): Promise<RemoteFileState> {
    const response = await this.call('HEAD /files', {
      method: 'head',
      url: `/files/${sha256}`,
      validateStatus: (status) => status === 200 || status === 206 || status === 404,
    });
    if (response.status === 404) return { state: 'absent' };
    if (response.status === 206)
      return { state: 'partial', offset: Number(response.headers['upload-offset'] ?? 0) || 0 };
    return { state: 'complete', size: Number(response.headers['content-length'] ?? 0) || 0 };
  }

  async putFile(sha256: string, bytes: Uint8Array, offset: number): Promise<void> {
    const rest = Buffer.from(bytes.buffer, bytes.byteOffset + offset, bytes.byteLength - offset);
    const response = await this.call('PUT /files', {
      method: 'put',
      url: `/files/${sha256}`,
      data: rest,
      // Upload-Length (the reference server's extension): a body cut short stays partial, never "complete".
      headers: {
        'Content-Type': 'application/octet-stream',
        'Upload-Offset': String(offset),
        'Upload-Length': String(bytes.byteLength),
      },
      timeout: this.fileTimeoutMs,
      maxBodyLength: MAX_FILE_BYTES + 1024,
      ...NO_RETRY,
    });
    // 202: the server holds only part of the file; the caller asks HEAD and resumes.
    if (response.status === 202) throw new CentralError('network', 'PUT /files: файл принят не полностью');
  }

  async getFile(sha256: string): Promise<Uint8Array> {
    const response = await this.call<ArrayBuffer>('GET /files', {
      method: 'get',
      url: `/files/${sha256}`,
      responseType: 'arraybuffer',
      timeout: this.fileTimeoutMs,
      maxContentLength: MAX_FILE_BYTES + 1024,
    });
    return new Uint8Array(response.data);
  }

  async organisations() {
    const response = await this.call('GET /organisations', { method: 'get', url: '/organisations' });
    return this.parse('GET /organisations', organisationsPageSchema, response.data).organisations;
  }

  /** One request with the bearer token; on 401 a new token once and the same request again. */
  private async call<T = unknown>(what: string, config: AxiosRequestConfig, authed = true): Promise<AxiosResponse<T>> {
    try {
      if (!authed) return await this.http.request<T>(config);
      const token = await this.tokens.get();
      try {
        return await this.http.request<T>(withToken(config, token));
      } catch (error) {
        if (!isAxiosError(error) || error.response?.status !== 401) throw error;
        this.tokens.invalidate(token);
        return await this.http.request<T>(withToken(config, await this.tokens.get()));
      }
    } catch (error) {
      throw toCentralError(error, what);
    }
  }

  /** Non-strict protocol schemas: unknown fields pass, missing or mistyped ones are a protocol error. */
  private parse<S extends z.ZodType>(what: string, schema: S, data: unknown): z.infer<S> {
    const parsed = schema.safeParse(data);
    if (!parsed.success) throw new CentralError('protocol', `${what}: ответ не соответствует протоколу`);
    return parsed.data;
  }
}

function withToken(config: AxiosRequestConfig, token: string): AxiosRequestConfig {
  return { ...config, headers: { ...(config.headers as Record<string, string>), Authorization: `Bearer ${token}` } };
}
