/**
 * The development key store: password-protected bign key files in a folder (DATA/keys/*.json, see
 * key-file.ts), signed in software with shared/crypto. For development, tests and the demo only —
 * every certificate it lists has `development: true` and the provider's label says so. Unlike the
 * hardware providers it takes the password in `SignOptions` (there is no token with its own dialog).
 */

import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { bignSign } from '../../../../../shared/crypto';
import type { CertificateInfo, ProviderStatus, SignatureProvider, SignOptions } from '../../provider';
import { SigningError } from '../../provider';
import { bignPublicKeyOf, checkValidityPeriod, parseCertificate, toCertificateInfo } from '../certificate-info';
import type { BuildSignedData } from '../cms-port';
import {
  certificateOf,
  DEVELOPMENT_KEY_LABEL,
  type KeyFile,
  keyMatches,
  openPrivateKey,
  readKeyFile,
} from './key-file';

export const KEYS_FOLDER = 'keys';

export interface SoftwareProviderOptions {
  /** The folder of key files, e.g. `<data folder>/keys`. */
  keysDir: string;
  buildSignedData: BuildSignedData;
  now?: () => Date;
}

interface LoadedKey {
  path: string;
  file: KeyFile;
  info: CertificateInfo;
}

export class SoftwareProvider implements SignatureProvider {
  readonly id = 'software' as const;
  readonly label = DEVELOPMENT_KEY_LABEL;

  constructor(private readonly options: SoftwareProviderOptions) {}

  private async keys(): Promise<LoadedKey[]> {
    let names: string[];
    try {
      names = (await readdir(this.options.keysDir)).filter((name) => name.endsWith('.json')).sort();
    } catch {
      return [];
    }
    const keys: LoadedKey[] = [];
    for (const name of names) {
      const path = join(this.options.keysDir, name);
      const file = await readKeyFile(path);
      if (!file) continue;
      try {
        keys.push({ path, file, info: toCertificateInfo(certificateOf(file), 'software', { development: true }) });
      } catch {
        // a key file whose certificate cannot be read is not offered
      }
    }
    return keys;
  }

  async detect(): Promise<ProviderStatus> {
    const count = (await this.keys()).length;
    if (count === 0) {
      return {
        provider: 'software',
        available: false,
        code: 'TOKEN_ABSENT',
        message: `Нет ключей разработчика в папке ${this.options.keysDir}.`,
      };
    }
    return {
      provider: 'software',
      available: true,
      message: `Ключи разработчика: ${count} (не для юридически значимой подписи)`,
    };
  }

  async listCertificates(): Promise<CertificateInfo[]> {
    return (await this.keys()).map((key) => key.info);
  }

  async signDetached(certificateId: string, data: Uint8Array, options: SignOptions = {}): Promise<Uint8Array> {
    if (data.length === 0) throw new SigningError('PROVIDER_FAILED', 'Документ пуст: подписывать нечего.');
    const key = (await this.keys()).find((k) => k.info.id === certificateId);
    if (!key) {
      throw new SigningError(
        'TOKEN_ABSENT',
        'Ключ разработчика для выбранного сертификата не найден. Выберите другой сертификат.',
      );
    }
    const signingTime = options.signingTime ?? this.options.now?.() ?? new Date();
    checkValidityPeriod(key.info, signingTime);
    if (!options.password) {
      throw new SigningError('WRONG_PIN', 'Введите пароль ключа разработчика.');
    }
    const privateKey = openPrivateKey(key.file.privateKey, options.password);
    if (!privateKey) {
      throw new SigningError('WRONG_PIN', 'Неверный пароль ключа разработчика. Введите пароль ещё раз.');
    }
    try {
      if (!keyMatches(privateKey, bignPublicKeyOf(parseCertificate(key.info.der)))) {
        throw new SigningError(
          'PROVIDER_FAILED',
          `Файл ключа разработчика повреждён: ключ не соответствует сертификату (${key.path}). Создайте ключ заново.`,
        );
      }
      return await this.options.buildSignedData({
        content: data,
        certificateDer: key.info.der,
        signingTime,
        signHash: async (hash) => bignSign(hash, privateKey),
      });
    } finally {
      privateKey.fill(0);
    }
  }
}
