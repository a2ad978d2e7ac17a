/**
 * AVEST «Комплект абонента» on Windows (design.md "Signing"): certificates of the personal store,
 * detached CMS SignedData from AvCmSign. The PIN is entered in AVEST's own dialog, shown by AvCmLogin
 * on the AVEST thread; this provider never asks for, receives or forwards a PIN (a `password` option
 * is ignored). AvCmSign builds the SignedData itself, with AVEST's own signingTime, so the
 * `signingTime` option does not apply either.
 */

import type { CertificateInfo, ProviderStatus, SignatureProvider, SignOptions } from '../../provider';
import { SigningError } from '../../provider';
import { toCertificateInfo } from '../certificate-info';
import { DEFAULT_TOKEN_WAIT_MS, TokenLocks } from '../signing-queue';
import { avestError } from './avest-errors';
import type { AvestHost } from './avest-host';
import type { AvestFailure, AvestOutcome } from './avest-operations';

export const AVEST_LABEL = 'AVEST — ключевой носитель';

/** How long AVEST may take to sign, PIN dialog included, before the clerk gets TIMEOUT. */
export const DEFAULT_AVEST_SIGN_TIMEOUT_MS = 5 * 60_000;
/** How long a probe or certificate listing may take (no dialogs: AVCMF_NO_AUTH). */
export const DEFAULT_AVEST_QUERY_TIMEOUT_MS = 30_000;

export interface AvestProviderOptions {
  host: AvestHost;
  /** `process.platform` by default; AVEST exists only on Windows. */
  platform?: string;
  locks?: TokenLocks;
  tokenWaitMs?: number;
  signTimeoutMs?: number;
  queryTimeoutMs?: number;
  /** HWND of the application window, to own AVEST's PIN dialog. */
  ownerWindow?: () => number | undefined;
}

const NOT_WINDOWS = 'Клиент AVEST работает только в Windows. На этом компьютере выберите другой способ подписи.';
const NOT_INSTALLED =
  'Не установлен клиент AVEST («Комплект абонента»). Установите его или выберите другой способ подписи.';
const WRONG_ARCHITECTURE =
  'Установлен клиент AVEST другой разрядности (нужна 64-разрядная версия «Комплекта абонента»). Установите её или выберите другой способ подписи.';

export function avestFailureToError(failure: AvestFailure): SigningError {
  switch (failure.kind) {
    case 'load':
      if (failure.reason === 'not-windows') return new SigningError('CLIENT_NOT_INSTALLED', NOT_WINDOWS, failure);
      if (failure.reason === 'wrong-architecture') {
        return new SigningError('CLIENT_NOT_INSTALLED', WRONG_ARCHITECTURE, failure);
      }
      return new SigningError('CLIENT_NOT_INSTALLED', NOT_INSTALLED, failure);
    case 'call':
      return avestError(failure.fn, failure.result, failure.libraryText);
    case 'wrong-key':
      return new SigningError(
        'TOKEN_ABSENT',
        'В окне AVEST выбран ключ другого сертификата. Вставьте носитель с ключом выбранного сертификата и повторите.',
        failure,
      );
    case 'internal':
      return new SigningError(
        'PROVIDER_FAILED',
        'Клиент AVEST не ответил как ожидалось. Повторите подписание; если ошибка повторяется, обратитесь к администратору.',
        failure,
      );
  }
}

function unwrap<T>(outcome: AvestOutcome<T>): T {
  if (outcome.ok) return outcome.value;
  throw avestFailureToError(outcome.failure);
}

function timeout(ms: number, what: string): SigningError {
  return new SigningError(
    'TIMEOUT',
    `Клиент AVEST не ответил за ${Math.round(ms / 1000)} с (${what}). Проверьте, не открыто ли окно AVEST за другими окнами, и повторите.`,
  );
}

/**
 * Settles with `call` or with TIMEOUT after `ms`, whichever comes first. The call itself is not
 * abandoned (a native call cannot be): callers keep the token until it really ends.
 */
function withTimeout<T>(call: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(timeout(ms, what)), ms);
    call.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

export class AvestProvider implements SignatureProvider {
  readonly id = 'avest' as const;
  readonly label = AVEST_LABEL;
  private readonly locks: TokenLocks;
  /**
   * AVEST calls run one at a time on one thread: while a signing waits in the PIN dialog, a probe or
   * a listing would wait behind it. Meanwhile the provider answers from what it last saw.
   */
  private signing = 0;
  private lastStatus: ProviderStatus | null = null;
  private lastCertificates: CertificateInfo[] | null = null;

  constructor(private readonly options: AvestProviderOptions) {
    this.locks = options.locks ?? new TokenLocks();
  }

  private get windows(): boolean {
    return (this.options.platform ?? process.platform) === 'win32';
  }

  async detect(): Promise<ProviderStatus> {
    if (!this.windows) {
      return { provider: 'avest', available: false, code: 'CLIENT_NOT_INSTALLED', message: NOT_WINDOWS };
    }
    if (this.signing > 0) {
      return (
        this.lastStatus ?? {
          provider: 'avest',
          available: true,
          message: 'Клиент AVEST занят: идёт подписание документа',
        }
      );
    }
    this.lastStatus = await this.probe();
    return this.lastStatus;
  }

  private async probe(): Promise<ProviderStatus> {
    try {
      const probe = unwrap(
        await withTimeout(
          this.options.host.run({ op: 'probe' }),
          this.options.queryTimeoutMs ?? DEFAULT_AVEST_QUERY_TIMEOUT_MS,
          'проверка ключа',
        ),
      );
      if (probe.certificates === 0) {
        return {
          provider: 'avest',
          available: false,
          code: 'TOKEN_ABSENT',
          message:
            'Не вставлен ключ: не найден ни один личный сертификат. Вставьте ключевой носитель и проверьте сертификат в Персональном менеджере сертификатов AVEST.',
        };
      }
      return {
        provider: 'avest',
        available: true,
        message: `Клиент AVEST готов, личных сертификатов: ${probe.certificates}`,
      };
    } catch (error) {
      const failure =
        error instanceof SigningError ? error : avestFailureToError({ kind: 'internal', message: String(error) });
      return { provider: 'avest', available: false, code: failure.code, message: failure.message };
    }
  }

  async listCertificates(): Promise<CertificateInfo[]> {
    if (!this.windows) throw new SigningError('CLIENT_NOT_INSTALLED', NOT_WINDOWS);
    if (this.signing > 0) {
      if (this.lastCertificates) return this.lastCertificates;
      throw new SigningError('BUSY', 'Клиент AVEST занят подписанием документа. Дождитесь его окончания и повторите.');
    }
    const records = unwrap(
      await withTimeout(
        this.options.host.run({ op: 'list' }),
        this.options.queryTimeoutMs ?? DEFAULT_AVEST_QUERY_TIMEOUT_MS,
        'список сертификатов',
      ),
    );
    const certificates: CertificateInfo[] = [];
    for (const record of records) {
      try {
        certificates.push(toCertificateInfo(record.der, 'avest', { id: record.pubKeyId }));
      } catch {
        // A certificate pkijs cannot read is not offered (AVEST still lists it in its own manager).
      }
    }
    this.lastCertificates = certificates;
    return certificates;
  }

  signDetached(certificateId: string, data: Uint8Array, _options?: SignOptions): Promise<Uint8Array> {
    if (!this.windows) return Promise.reject(new SigningError('CLIENT_NOT_INSTALLED', NOT_WINDOWS));
    if (data.length === 0) {
      return Promise.reject(new SigningError('PROVIDER_FAILED', 'Документ пуст: подписывать нечего.'));
    }
    const signTimeoutMs = this.options.signTimeoutMs ?? DEFAULT_AVEST_SIGN_TIMEOUT_MS;
    return new Promise<Uint8Array>((resolve, reject) => {
      this.locks
        .run(
          certificateId,
          async () => {
            // The token stays locked until AVEST really returns, even after the clerk got TIMEOUT.
            this.signing += 1;
            const call = this.options.host
              .run({
                op: 'sign',
                request: { pubKeyId: certificateId, data, ownerWindow: this.options.ownerWindow?.() },
              })
              .finally(() => {
                this.signing -= 1;
              });
            withTimeout(call, signTimeoutMs, 'подписание').then((outcome) => {
              try {
                const result = unwrap(outcome);
                if (result.signedData.length === 0 || result.signedData[0] !== 0x30) {
                  throw avestFailureToError({ kind: 'internal', message: 'AvCmSign returned no DER SEQUENCE' });
                }
                resolve(result.signedData);
              } catch (error) {
                reject(error);
              }
            }, reject);
            await call;
          },
          this.options.tokenWaitMs ?? DEFAULT_TOKEN_WAIT_MS,
        )
        .catch(reject);
    });
  }
}
