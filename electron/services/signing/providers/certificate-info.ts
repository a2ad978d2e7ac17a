/**
 * What the certificate choice shows about a certificate: `../pki`'s parser (names of the Belarusian
 * profile — surname + «Имя Отчество», since a ГосСУОК certificate's CN often holds the organisation —
 * serial, validity, the bign public key) with its errors turned into SigningError for the providers.
 */

import {
  type ParsedCertificate,
  parseCertificate as parsePkiCertificate,
  toCertificateInfo as pkiCertificateInfo,
} from '../pki';
import { type CertificateInfo, type ProviderId, SigningError } from '../provider';

export { certificateFingerprint } from '../pki';
export type { ParsedCertificate };

/** Parses an X.509 certificate; throws SigningError PROVIDER_FAILED on malformed DER. */
export function parseCertificate(der: Uint8Array): ParsedCertificate {
  try {
    return parsePkiCertificate(der);
  } catch (error) {
    throw new SigningError('PROVIDER_FAILED', 'Сертификат ключа повреждён или имеет неизвестный формат.', {
      cause: error instanceof Error ? error.message : String(error),
    });
  }
}

/** The bign public key <Q> of a certificate; ALGORITHM_UNSUPPORTED for keys of other algorithms. */
export function bignPublicKeyOf(parsed: ParsedCertificate): Uint8Array {
  if (parsed.publicKey === null) {
    throw new SigningError(
      'ALGORITHM_UNSUPPORTED',
      'Ключ сертификата — не bign (СТБ 34.101.45). Выберите сертификат ключа ЭЦП по белорусским стандартам.',
    );
  }
  return parsed.publicKey;
}

/** Hex SHA-256 of the DER: the certificate id where the provider has none of its own. */

export function toCertificateInfo(
  der: Uint8Array,
  provider: ProviderId,
  options: { id?: string; development?: boolean } = {},
): CertificateInfo {
  const parsed = parseCertificate(der);
  return pkiCertificateInfo(parsed, provider, options.development ?? false, options.id ?? parsed.fingerprint);
}

/** CERT_EXPIRED / CERT_NOT_YET_VALID before a signing attempt, with the dates (Minsk) in the message. */
export function checkValidityPeriod(info: Pick<CertificateInfo, 'notBefore' | 'notAfter'>, at: Date): void {
  const day = (iso: string) => new Date(iso).toLocaleDateString('ru-RU', { timeZone: 'Europe/Minsk' });
  if (at.getTime() > Date.parse(info.notAfter)) {
    throw new SigningError(
      'CERT_EXPIRED',
      `Срок действия сертификата истёк ${day(info.notAfter)}. Получите новый сертификат в удостоверяющем центре.`,
    );
  }
  if (at.getTime() < Date.parse(info.notBefore)) {
    throw new SigningError(
      'CERT_NOT_YET_VALID',
      `Сертификат начнёт действовать ${day(info.notBefore)}. Подпишите документ после этой даты или выберите другой сертификат.`,
    );
  }
}
