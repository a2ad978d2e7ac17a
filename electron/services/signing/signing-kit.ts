import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildSignedData } from './cms/build';
import { developmentIssuer, ROOTS_FOLDER } from './development-ca';
import type { TrustStore } from './pki/trust-store';
import { loadTrustStore } from './pki/trust-store';
import { createProviderRegistry, type ProviderRegistry } from './providers/provider-registry';
import { KEYS_FOLDER } from './providers/software/software-provider';

/** What the signing handlers need: the providers of this machine and the configured trust. */
export interface SigningKit {
  registry: ProviderRegistry;
  /** The trusted roots (and CRLs) of `<data>/pki/roots`, read when asked (the folder may change). */
  trust(): TrustStore;
  /** Where development key files live, and the CA issuing their certificates. */
  keysDir: string;
  issueDevelopmentCertificate: ReturnType<typeof developmentIssuer>;
}

export function openSigningKit(dataDir: string, clock: () => Date = () => new Date()): SigningKit {
  const rootsDir = join(dataDir, ROOTS_FOLDER);
  return {
    registry: createProviderRegistry({ dataDir, buildSignedData }),
    trust: () =>
      existsSync(rootsDir) ? loadTrustStore({ rootsDir }) : { roots: [], intermediates: [], crls: [], skipped: [] },
    keysDir: join(dataDir, KEYS_FOLDER),
    issueDevelopmentCertificate: (request) => developmentIssuer(dataDir, clock())(request),
  };
}
