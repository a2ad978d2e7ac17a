/**
 * Creating a development key for a user: a fresh bign key pair, a certificate from the development CA
 * (the pki issuing helper, passed in), sealed under the user's password into `<keysDir>/<name>.json`
 * (0600). Used by the demo seed: one key per demo signer and head.
 */

import { join } from 'node:path';
import { bignGenerateKeyPair, bytesEqual, type RandomBytes } from '../../../../../shared/crypto';
import type { CertificateInfo } from '../../provider';
import { parseCertificate, toCertificateInfo } from '../certificate-info';
import type { IssueDevelopmentCertificate } from '../cms-port';
import { makeKeyFile, sealPrivateKey, writeKeyFile } from './key-file';

export interface CreateDevelopmentKeyInput {
  keysDir: string;
  /** The owner's full name, e.g. «Иванов Иван Иванович» (the certificate's commonName). */
  owner: string;
  /** The application user the key belongs to; also the file name when given. */
  userId?: string;
  password: string;
  issueCertificate: IssueDevelopmentCertificate;
  /** Default: 2 years from `now`. */
  validityDays?: number;
  now?: Date;
  /** Replace an existing file of the same name (default: refuse). */
  overwrite?: boolean;
  iterations?: number;
  random?: RandomBytes;
}

export interface DevelopmentKey {
  path: string;
  certificate: CertificateInfo;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** A file name from the user id or the owner's name: letters, digits, '-' and '_' only. */
export function developmentKeyFileName(input: { userId?: string; owner: string }): string {
  const base = (input.userId ?? input.owner)
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}_-]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return `${base === '' ? 'key' : base}.json`;
}

export async function createDevelopmentKeyFile(input: CreateDevelopmentKeyInput): Promise<DevelopmentKey> {
  const now = input.now ?? new Date();
  const keys = bignGenerateKeyPair(input.random);
  try {
    const certificateDer = await input.issueCertificate({
      commonName: input.owner,
      publicKey: keys.publicKey,
      notBefore: now,
      notAfter: new Date(now.getTime() + (input.validityDays ?? 730) * DAY_MS),
    });
    const issued = parseCertificate(certificateDer).publicKey;
    if (!issued || !bytesEqual(issued, keys.publicKey)) {
      throw new Error('Выпущенный сертификат не содержит открытый ключ созданного ключа разработчика');
    }
    const path = join(input.keysDir, developmentKeyFileName(input));
    const sealed = sealPrivateKey(keys.privateKey, input.password, {
      iterations: input.iterations,
      random: input.random,
    });
    await writeKeyFile(
      path,
      makeKeyFile({ owner: input.owner, userId: input.userId, certificateDer, sealed, createdAt: now }),
      {
        overwrite: input.overwrite,
      },
    );
    return { path, certificate: toCertificateInfo(certificateDer, 'software', { development: true }) };
  } finally {
    keys.privateKey.fill(0);
  }
}
