/**
 * A ready three-level PKI with bign keys for tests and the development key store, and the adapter the
 * software provider's port expects (providers/cms-port.ts `IssueDevelopmentCertificate`).
 */
import type { RandomBytes } from '../../../../shared/crypto';
import { addYears, type IssuedCertificate, issueCertificate, issueCertificateForKey, issueRootCa } from './issue';
import type { NameSpec } from './names';

export interface DevelopmentPki {
  root: IssuedCertificate;
  intermediate: IssuedCertificate;
  user: IssuedCertificate;
}

/**
 * A three-level PKI for tests and the development key store: «Тестовый корневой УЦ» → «Тестовый
 * республиканский УЦ» → the user (default «Иванов Иван Иванович»), valid from `now` minus a day.
 */
export function createDevelopmentPki(
  options: { now?: Date; user?: NameSpec; random?: RandomBytes } = {},
): DevelopmentPki {
  const now = options.now ?? new Date();
  const from = new Date(now.getTime() - 86_400_000);
  const random = options.random;
  const root = issueRootCa({
    subject: { country: 'BY', organization: 'АРМ делопроизводителя (разработка)', commonName: 'Тестовый корневой УЦ' },
    notBefore: from,
    notAfter: addYears(from, 20),
    random,
  });
  const intermediate = issueCertificate(root, {
    subject: {
      country: 'BY',
      organization: 'АРМ делопроизводителя (разработка)',
      commonName: 'Тестовый республиканский УЦ',
    },
    ca: { pathLength: 0 },
    notBefore: from,
    notAfter: addYears(from, 10),
    random,
  });
  const user = issueCertificate(intermediate, {
    subject: options.user ?? {
      country: 'BY',
      organization: 'Исполнительный комитет (тест)',
      surname: 'Иванов',
      givenName: 'Иван Иванович',
      commonName: 'Иванов Иван Иванович',
    },
    notBefore: from,
    notAfter: addYears(from, 2),
    random,
  });
  return { root, intermediate, user };
}

export interface DevelopmentCertificateRequest {
  /** The owner's full name (commonName; also split into surname and given names). */
  commonName: string;
  /** bign <Q>, 64 bytes. */
  publicKey: Uint8Array;
  notBefore: Date;
  notAfter: Date;
}

/**
 * `(request) => DER` issuing signing certificates (digitalSignature + nonRepudiation) for public keys,
 * signed by `ca` (e.g. `createDevelopmentPki().intermediate`).
 */
export function developmentCertificateIssuer(
  ca: IssuedCertificate,
): (request: DevelopmentCertificateRequest) => Promise<Uint8Array> {
  return async (request) => {
    const [surname, ...given] = request.commonName.trim().split(/\s+/);
    return issueCertificateForKey(ca, request.publicKey, {
      subject: {
        country: 'BY',
        surname: given.length > 0 ? surname : undefined,
        givenName: given.length > 0 ? given.join(' ') : undefined,
        commonName: request.commonName.trim(),
      },
      notBefore: request.notBefore,
      notAfter: request.notAfter,
    });
  };
}
