/**
 * The configured trust: a folder of DER/PEM certificates (the national PKI root and its intermediate
 * CAs; self-signed CA certificates become roots, the rest path helpers) and CRL files.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { isIssuedBy, type ParsedCertificate, parseCertificate } from './certificate';
import type { TrustAnchors } from './chain';
import { PkiError } from './codes';
import { type ParsedCrl, parseCrl } from './crl';
import { CERTIFICATE_LABELS, CRL_LABELS, derBlocks } from './der';

export interface TrustStore extends TrustAnchors {
  roots: ParsedCertificate[];
  intermediates: ParsedCertificate[];
  crls: ParsedCrl[];
  /** Files of the folder that are neither certificates nor CRLs, with the reason (for a warning). */
  skipped: { file: string; reason: string }[];
}

const CERTIFICATE_EXTENSIONS = new Set(['.cer', '.crt', '.der', '.pem']);
const CRL_EXTENSIONS = new Set(['.crl']);

/** The certificates of a DER file or of every CERTIFICATE block of a PEM file. */
export function readCertificates(bytes: Uint8Array): ParsedCertificate[] {
  return derBlocks(bytes, CERTIFICATE_LABELS, 'Сертификат').map(parseCertificate);
}

/** The CRLs of a DER file or of every X509 CRL block of a PEM file. */
export function readCrls(bytes: Uint8Array): ParsedCrl[] {
  return derBlocks(bytes, CRL_LABELS, 'Список отозванных сертификатов').map(parseCrl);
}

/** Self-signed CA certificates are trust anchors; others only help complete paths. */
function isSelfSignedCa(cert: ParsedCertificate): boolean {
  return cert.basicConstraints?.ca === true && isIssuedBy(cert, cert);
}

/** Splits certificates into roots and intermediates. */
export function sortCertificates(certificates: readonly ParsedCertificate[]): {
  roots: ParsedCertificate[];
  intermediates: ParsedCertificate[];
} {
  const roots: ParsedCertificate[] = [];
  const intermediates: ParsedCertificate[] = [];
  for (const cert of certificates) (isSelfSignedCa(cert) ? roots : intermediates).push(cert);
  return { roots, intermediates };
}

function fileBytes(path: string): Uint8Array {
  return new Uint8Array(readFileSync(path));
}

/**
 * Loads `rootsDir` (*.cer, *.crt, *.der, *.pem; *.crl too) and `crlFiles`. A missing folder or CRL file
 * throws (the configuration is wrong); an unreadable file in the folder is listed in `skipped`; a broken
 * configured CRL file throws.
 */
export function loadTrustStore(options: { rootsDir?: string; crlFiles?: readonly string[] }): TrustStore {
  const certificates: ParsedCertificate[] = [];
  const crls: ParsedCrl[] = [];
  const skipped: TrustStore['skipped'] = [];
  if (options.rootsDir !== undefined) {
    for (const name of readdirSync(options.rootsDir).sort()) {
      const path = join(options.rootsDir, name);
      const extension = extname(name).toLowerCase();
      if (!statSync(path).isFile() || !(CERTIFICATE_EXTENSIONS.has(extension) || CRL_EXTENSIONS.has(extension))) {
        continue;
      }
      try {
        if (CRL_EXTENSIONS.has(extension)) crls.push(...readCrls(fileBytes(path)));
        else certificates.push(...readCertificates(fileBytes(path)));
      } catch (err) {
        if (!(err instanceof PkiError)) throw err;
        skipped.push({ file: path, reason: err.message });
      }
    }
  }
  for (const file of options.crlFiles ?? []) crls.push(...readCrls(fileBytes(file)));
  return { ...sortCertificates(certificates), crls, skipped };
}
