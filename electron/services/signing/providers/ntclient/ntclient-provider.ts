/**
 * The local identification client (ID card) over its loopback HTTP service, used where it offers
 * signing. Protocol: ntclient-protocol.ts (assumed — see there). Detection is a GET of the status:
 * a refused connection means the client is not installed or not running. Signing is never retried
 * (a retry could show a second PIN window or produce a second signature); the client's own window
 * asks for the PIN. Requests go to the loopback interface only and never through a proxy.
 */

import axios, { type AxiosInstance, isAxiosError } from 'axios';
import type { z } from 'zod';
import { BIGN_SIGNATURE_BYTES } from '../../../../../shared/crypto';
import type { CertificateInfo, ProviderStatus, SignatureProvider, SignOptions } from '../../provider';
import { SigningError, type SigningErrorCode } from '../../provider';
import { toCertificateInfo } from '../certificate-info';
import type { BuildSignedData } from '../cms-port';
import { DEFAULT_TOKEN_WAIT_MS, TokenLocks } from '../signing-queue';
import {
  certificatesSchema,
  errorSchema,
  NTCLIENT_CAPABILITIES,
  NTCLIENT_DEFAULT_URL,
  type NtClientStatus,
  type SignHashRequestBody,
  type SignRequestBody,
  signResponseSchema,
  statusSchema,
} from './ntclient-protocol';

export const NTCLIENT_LABEL = 'ID-карта — клиент идентификации';

export interface NtClientProviderOptions {
  /** The client's origin; loopback only. Default NTCLIENT_URL or NTCLIENT_DEFAULT_URL. */
  baseUrl?: string;
  /** Builds the CMS when the client only signs hashes (`../cms`). */
  buildSignedData?: BuildSignedData;
  /** Status and certificate requests (default 3 s). */
  queryTimeoutMs?: number;
  /** A signing request, PIN window included (default 3 min). */
  signTimeoutMs?: number;
  tokenWaitMs?: number;
  locks?: TokenLocks;
  now?: () => Date;
}

const NOT_RUNNING =
  'Клиент идентификации (NT Client Software) не установлен или не запущен. Запустите его или выберите другой способ подписи.';
const CARD = 'id-card';

const CLIENT_ERRORS: Record<string, { code: SigningErrorCode; message: string }> = {
  CARD_ABSENT: {
    code: 'TOKEN_ABSENT',
    message: 'Не вставлена ID-карта. Приложите или вставьте карту в считыватель и повторите.',
  },
  READER_ABSENT: {
    code: 'TOKEN_ABSENT',
    message: 'Не подключён считыватель ID-карт. Подключите считыватель и повторите.',
  },
  CERT_NOT_FOUND: {
    code: 'TOKEN_ABSENT',
    message: 'На вставленной ID-карте нет выбранного сертификата. Вставьте нужную карту и повторите.',
  },
  PIN_INVALID: {
    code: 'WRONG_PIN',
    message: 'Неверный PIN-код ID-карты. Повторите подписание и введите PIN-код ещё раз.',
  },
  PIN_BLOCKED: {
    code: 'PIN_LOCKED',
    message:
      'PIN-код ID-карты заблокирован. Разблокируйте его PUK-кодом или обратитесь в подразделение по гражданству и миграции.',
  },
  CANCELLED: { code: 'CANCELLED', message: 'Подписание отменено пользователем.' },
  CERT_EXPIRED: { code: 'CERT_EXPIRED', message: 'Срок действия сертификата ID-карты истёк.' },
  CERT_NOT_YET_VALID: { code: 'CERT_NOT_YET_VALID', message: 'Сертификат ID-карты ещё не действует.' },
  CERT_REVOKED: { code: 'CERT_REVOKED', message: 'Сертификат ID-карты отозван. Подписывать им нельзя.' },
  BUSY: { code: 'BUSY', message: 'ID-карта занята другой операцией. Дождитесь её окончания и повторите.' },
  ALGORITHM_UNSUPPORTED: {
    code: 'ALGORITHM_UNSUPPORTED',
    message: 'Клиент идентификации не поддерживает алгоритм подписи bign. Обновите клиент идентификации.',
  },
};

function isLoopback(url: URL): boolean {
  return ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname) && url.protocol === 'http:';
}

function fromBase64(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'base64'));
}

export class NtClientProvider implements SignatureProvider {
  readonly id = 'ntclient' as const;
  readonly label = NTCLIENT_LABEL;
  private readonly http: AxiosInstance;
  private readonly locks: TokenLocks;
  private readonly queryTimeoutMs: number;
  private readonly signTimeoutMs: number;

  constructor(private readonly options: NtClientProviderOptions = {}) {
    const base = new URL(options.baseUrl ?? process.env.NTCLIENT_URL ?? NTCLIENT_DEFAULT_URL);
    if (!isLoopback(base)) {
      throw new SigningError(
        'PROVIDER_FAILED',
        `Адрес клиента идентификации должен быть локальным (http://127.0.0.1:…), а задан ${base.origin}.`,
      );
    }
    this.queryTimeoutMs = options.queryTimeoutMs ?? 3_000;
    this.signTimeoutMs = options.signTimeoutMs ?? 3 * 60_000;
    this.locks =
      options.locks ?? new TokenLocks('ID-карта занята другой операцией подписи. Дождитесь её окончания и повторите.');
    this.http = axios.create({
      baseURL: `${base.origin}/api/v1`,
      proxy: false,
      maxRedirects: 0,
      maxContentLength: 64 * 1024 * 1024,
      maxBodyLength: 64 * 1024 * 1024,
      headers: { Accept: 'application/json' },
      validateStatus: (status) => status >= 200 && status < 300,
    });
  }

  /** Turns whatever a request threw into a SigningError; never lets an AxiosError (with the body) escape. */
  private toError(error: unknown, what: string, timeoutMs: number): SigningError {
    if (error instanceof SigningError) return error;
    if (!isAxiosError(error)) {
      return new SigningError('PROVIDER_FAILED', `Клиент идентификации ответил непонятно (${what}).`, {
        cause: error instanceof Error ? error.message : String(error),
      });
    }
    if (error.response) {
      const parsed = errorSchema.safeParse(error.response.data);
      const known = parsed.success ? CLIENT_ERRORS[parsed.data.error.code] : undefined;
      const details = {
        status: error.response.status,
        clientCode: parsed.success ? parsed.data.error.code : undefined,
      };
      if (known) {
        const left = parsed.success ? parsed.data.error.attemptsLeft : undefined;
        const suffix = known.code === 'WRONG_PIN' && left !== undefined ? ` Осталось попыток: ${left}.` : '';
        return new SigningError(known.code, `${known.message}${suffix}`, details);
      }
      return new SigningError(
        'PROVIDER_FAILED',
        `Клиент идентификации вернул ошибку (${what}, HTTP ${error.response.status}). Повторите; если ошибка повторяется, перезапустите клиент идентификации.`,
        details,
      );
    }
    if (error.code === 'ECONNREFUSED') {
      return new SigningError('CLIENT_NOT_INSTALLED', NOT_RUNNING, { code: error.code });
    }
    if (error.code === 'ECONNABORTED' || error.code === 'ETIMEDOUT' || error.code === 'ERR_CANCELED') {
      return new SigningError(
        'TIMEOUT',
        `Клиент идентификации не ответил за ${Math.round(timeoutMs / 1000)} с (${what}). Проверьте, не открыто ли его окно за другими окнами, и повторите.`,
        { code: error.code },
      );
    }
    return new SigningError('PROVIDER_FAILED', `Нет связи с клиентом идентификации (${what}).`, { code: error.code });
  }

  private async get<T>(path: string, schema: z.ZodType<T>, what: string): Promise<T> {
    try {
      const response = await this.http.get(path, {
        timeout: this.queryTimeoutMs,
        signal: AbortSignal.timeout(this.queryTimeoutMs * 2),
      });
      return this.parse(schema, response.data, what);
    } catch (error) {
      throw this.toError(error, what, this.queryTimeoutMs);
    }
  }

  /** One POST, never retried. */
  private async post<T>(path: string, body: unknown, schema: z.ZodType<T>, what: string): Promise<T> {
    try {
      const response = await this.http.post(path, body, {
        timeout: this.signTimeoutMs,
        signal: AbortSignal.timeout(this.signTimeoutMs + 1_000),
        headers: { 'Content-Type': 'application/json' },
      });
      return this.parse(schema, response.data, what);
    } catch (error) {
      throw this.toError(error, what, this.signTimeoutMs);
    }
  }

  private parse<T>(schema: z.ZodType<T>, data: unknown, what: string): T {
    const parsed = schema.safeParse(data);
    if (!parsed.success) {
      throw new SigningError(
        'PROVIDER_FAILED',
        `На порту клиента идентификации отвечает другая программа или несовместимая версия клиента (${what}).`,
      );
    }
    return parsed.data;
  }

  private status(): Promise<NtClientStatus> {
    return this.get('/status', statusSchema, 'проверка');
  }

  private canSign(status: NtClientStatus): boolean {
    const { signCms, signHash } = NTCLIENT_CAPABILITIES;
    return (
      status.capabilities.includes(signCms) ||
      (status.capabilities.includes(signHash) && !!this.options.buildSignedData)
    );
  }

  async detect(): Promise<ProviderStatus> {
    let status: NtClientStatus;
    try {
      status = await this.status();
    } catch (error) {
      const e = this.toError(error, 'проверка', this.queryTimeoutMs);
      return { provider: 'ntclient', available: false, code: e.code, message: e.message };
    }
    if (!this.canSign(status)) {
      return {
        provider: 'ntclient',
        available: false,
        code: 'PROVIDER_FAILED',
        message: 'Установленный клиент идентификации не умеет подписывать документы. Выберите другой способ подписи.',
      };
    }
    if (!status.card.present) {
      return {
        provider: 'ntclient',
        available: false,
        code: 'TOKEN_ABSENT',
        message: 'Не вставлена ID-карта. Приложите или вставьте карту в считыватель.',
      };
    }
    return {
      provider: 'ntclient',
      available: true,
      message: `Клиент идентификации готов${status.card.reader ? `: ${status.card.reader}` : ''}`,
    };
  }

  private async certificateRecords(): Promise<Array<{ id: string; der: Uint8Array }>> {
    const list = await this.get('/certificates', certificatesSchema, 'список сертификатов');
    return list.certificates.map((c) => ({ id: c.id, der: fromBase64(c.certificate) }));
  }

  async listCertificates(): Promise<CertificateInfo[]> {
    const certificates: CertificateInfo[] = [];
    for (const record of await this.certificateRecords()) {
      try {
        certificates.push(toCertificateInfo(record.der, 'ntclient', { id: record.id }));
      } catch {
        // unreadable certificate: not offered
      }
    }
    return certificates;
  }

  async signDetached(certificateId: string, data: Uint8Array, options: SignOptions = {}): Promise<Uint8Array> {
    if (data.length === 0) throw new SigningError('PROVIDER_FAILED', 'Документ пуст: подписывать нечего.');
    const signingTime = options.signingTime ?? this.options.now?.() ?? new Date();
    return this.locks.run(
      CARD,
      async () => {
        const status = await this.status();
        if (status.capabilities.includes(NTCLIENT_CAPABILITIES.signCms)) {
          const body: SignRequestBody = {
            certificateId,
            data: Buffer.from(data).toString('base64'),
            format: 'cms-detached',
            signingTime: signingTime.toISOString(),
          };
          const response = await this.post('/sign', body, signResponseSchema, 'подписание');
          const signature = fromBase64(response.signature);
          if (signature[0] !== 0x30) {
            throw new SigningError('PROVIDER_FAILED', 'Клиент идентификации вернул подпись неизвестного формата.');
          }
          return signature;
        }
        const build = this.options.buildSignedData;
        if (!status.capabilities.includes(NTCLIENT_CAPABILITIES.signHash) || !build) {
          throw new SigningError(
            'PROVIDER_FAILED',
            'Установленный клиент идентификации не умеет подписывать документы.',
          );
        }
        const record = (await this.certificateRecords()).find((c) => c.id === certificateId);
        if (!record) {
          throw new SigningError('TOKEN_ABSENT', CLIENT_ERRORS.CERT_NOT_FOUND?.message ?? 'Сертификат не найден.');
        }
        return build({
          content: data,
          certificateDer: record.der,
          signingTime,
          signHash: async (hash) => {
            const body: SignHashRequestBody = {
              certificateId,
              hash: Buffer.from(hash).toString('base64'),
              algorithm: '1.2.112.0.2.0.34.101.45.12',
            };
            const response = await this.post('/sign-hash', body, signResponseSchema, 'подписание');
            const signature = fromBase64(response.signature);
            if (signature.length !== BIGN_SIGNATURE_BYTES) {
              throw new SigningError('PROVIDER_FAILED', 'Клиент идентификации вернул подпись неверной длины.');
            }
            return signature;
          },
        });
      },
      this.options.tokenWaitMs ?? DEFAULT_TOKEN_WAIT_MS,
    );
  }
}
