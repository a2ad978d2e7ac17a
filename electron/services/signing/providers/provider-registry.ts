/**
 * The signing providers of this machine, in the order the certificate choice offers them:
 * AVEST (hardware token) → identification client (ID card) → development keys. `detectAll` asks
 * every provider at once and never throws; `listCertificates` gathers the certificates of the
 * available providers for the «Выбор сертификата» dialog, with each provider's status so the dialog
 * can say why a provider is missing («Не вставлен ключ», «Не установлен клиент AVEST», …).
 */

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildSignedData as buildCmsSignedData } from '../cms';
import type { CertificateInfo, ProviderId, ProviderStatus, SignatureProvider, SignOptions } from '../provider';
import { SigningError } from '../provider';
import { WorkerAvestHost } from './avest/avest-host';
import { AvestProvider } from './avest/avest-provider';
import type { BuildSignedData } from './cms-port';
import { NtClientProvider } from './ntclient/ntclient-provider';
import { KEYS_FOLDER, SoftwareProvider } from './software/software-provider';

export const PROVIDER_ORDER: readonly ProviderId[] = ['avest', 'ntclient', 'software'];

export interface CertificateChoice {
  /** Certificates of the available providers, provider by provider in PROVIDER_ORDER. */
  certificates: CertificateInfo[];
  /** One status per provider, in PROVIDER_ORDER; a provider whose listing failed is unavailable here. */
  statuses: ProviderStatus[];
}

function failedStatus(provider: ProviderId, error: unknown): ProviderStatus {
  if (error instanceof SigningError) return { provider, available: false, code: error.code, message: error.message };
  return {
    provider,
    available: false,
    code: 'PROVIDER_FAILED',
    message: 'Способ подписи не ответил. Повторите; если ошибка повторяется, обратитесь к администратору.',
  };
}

export class ProviderRegistry {
  readonly providers: readonly SignatureProvider[];

  constructor(providers: SignatureProvider[]) {
    const rank = (p: SignatureProvider) => PROVIDER_ORDER.indexOf(p.id);
    this.providers = [...providers].sort((a, b) => rank(a) - rank(b));
  }

  get(id: ProviderId): SignatureProvider {
    const provider = this.providers.find((p) => p.id === id);
    if (!provider) throw new SigningError('CLIENT_NOT_INSTALLED', 'Этот способ подписи не настроен на рабочем месте.');
    return provider;
  }

  /** Every provider's status, asked in parallel; a provider that throws is reported, not propagated. */
  detectAll(): Promise<ProviderStatus[]> {
    return Promise.all(
      this.providers.map((provider) => provider.detect().catch((error: unknown) => failedStatus(provider.id, error))),
    );
  }

  /** The providers that can sign now. */
  async available(): Promise<SignatureProvider[]> {
    const statuses = await this.detectAll();
    return this.providers.filter((_, i) => statuses[i]?.available);
  }

  /** Certificates across the available providers, for the certificate choice. */
  async listCertificates(): Promise<CertificateChoice> {
    const statuses = await this.detectAll();
    const lists = await Promise.all(
      this.providers.map(async (provider, i) => {
        const status = statuses[i] ?? failedStatus(provider.id, null);
        if (!status.available) return { status, certificates: [] as CertificateInfo[] };
        try {
          return { status, certificates: await provider.listCertificates() };
        } catch (error) {
          return { status: failedStatus(provider.id, error), certificates: [] as CertificateInfo[] };
        }
      }),
    );
    return { certificates: lists.flatMap((l) => l.certificates), statuses: lists.map((l) => l.status) };
  }

  /** Signs with the provider and certificate the clerk chose. */
  async signDetached(
    certificate: Pick<CertificateInfo, 'provider' | 'id'>,
    data: Uint8Array,
    options?: SignOptions,
  ): Promise<Uint8Array> {
    return this.get(certificate.provider).signDetached(certificate.id, data, options);
  }
}

export interface DefaultProvidersOptions {
  /** The data folder; development keys live in `<dataDir>/keys`. */
  dataDir: string;
  /** The detached SignedData builder (development keys; the ID card's hash mode); default `../cms`. */
  buildSignedData?: BuildSignedData;
  /** Offer the development key store (default true; a production build may turn it off). */
  developmentKeys?: boolean;
  /** The identification client's loopback origin (default NTCLIENT_URL or the assumed port). */
  ntclientUrl?: string;
  /** The AVEST worker script; default: `avest-worker.cjs` beside the bundle, else the .ts source (tsx). */
  avestWorkerScript?: string | URL;
  /** HWND of the main window, to own AVEST's PIN dialog. */
  ownerWindow?: () => number | undefined;
}

/** `avest-worker.cjs` next to the bundled main, or the TypeScript source when run under tsx. */
export function defaultAvestWorkerScript(): string | URL {
  const bundled = typeof __dirname === 'string' ? join(__dirname, 'avest-worker.cjs') : null;
  if (bundled && existsSync(bundled)) return bundled;
  return new URL('./avest/avest-worker.ts', import.meta.url);
}

/** The providers of this machine with their production wiring. */
export function createProviderRegistry(options: DefaultProvidersOptions): ProviderRegistry {
  const buildSignedData = options.buildSignedData ?? buildCmsSignedData;
  const providers: SignatureProvider[] = [
    new AvestProvider({
      host: new WorkerAvestHost({ workerScript: () => options.avestWorkerScript ?? defaultAvestWorkerScript() }),
      ownerWindow: options.ownerWindow,
    }),
    new NtClientProvider({ baseUrl: options.ntclientUrl, buildSignedData }),
  ];
  if (options.developmentKeys !== false) {
    providers.push(new SoftwareProvider({ keysDir: join(options.dataDir, KEYS_FOLDER), buildSignedData }));
  }
  return new ProviderRegistry(providers);
}
