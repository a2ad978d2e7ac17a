/**
 * Certification path validation (RFC 5280 section 6, simplified to what a signature check needs):
 * build paths from the signer's certificate through the available CA certificates to a configured
 * trusted root, then check every certificate on the path at one instant (validity, CA constraints,
 * unknown critical extensions) and its revocation by the configured CRLs (RFC 5280 6.3).
 */

import { formatMinskRu } from '../../../../shared/calendar';
import { bytesEqual } from '../../../../shared/crypto';
import { isIssuedBy, type ParsedCertificate } from './certificate';
import type { Failure } from './codes';
import { CRL_REASON_RU, isCrlOf, isCrlSignedBy, type ParsedCrl } from './crl';

export interface TrustAnchors {
  /** Trusted root certificates (the national PKI root). */
  roots: readonly ParsedCertificate[];
  /** CA certificates that may complete a path (also those carried in a signature). */
  intermediates?: readonly ParsedCertificate[];
  crls?: readonly ParsedCrl[];
}

export type ChainResult = { ok: true; chain: ParsedCertificate[] } | ({ ok: false } & Failure);

/** Longest path tried (signer + CAs); national PKIs have 2–3. */
const MAX_PATH = 8;
/** Candidate paths checked before giving up (keeps hostile certificate sets cheap). */
const MAX_PATHS = 4;

function role(index: number, length: number): string {
  if (index === 0) return 'Сертификат подписанта';
  return index === length - 1 ? 'Корневой сертификат' : 'Сертификат удостоверяющего центра';
}

/** Every path leaf → … → root (at most MAX_PATHS), each link's signature verified. */
function buildPaths(leaf: ParsedCertificate, anchors: TrustAnchors): ParsedCertificate[][] {
  const isRoot = (c: ParsedCertificate) => anchors.roots.some((r) => bytesEqual(r.der, c.der));
  const cas = (anchors.intermediates ?? []).filter((c) => !isRoot(c));
  const issued = new Map<string, boolean>();
  const issuedBy = (subject: ParsedCertificate, issuer: ParsedCertificate) => {
    // RFC 5280 4.2.1.1: a differing key identifier rules the issuer out before the costly signature check.
    if (subject.authorityKeyId && issuer.subjectKeyId && !bytesEqual(subject.authorityKeyId, issuer.subjectKeyId)) {
      return false;
    }
    const key = `${subject.fingerprint}>${issuer.fingerprint}`;
    let result = issued.get(key);
    if (result === undefined) {
      result = isIssuedBy(subject, issuer);
      issued.set(key, result);
    }
    return result;
  };
  const paths: ParsedCertificate[][] = [];
  const walk = (path: ParsedCertificate[]) => {
    const current = path[path.length - 1];
    if (!current || paths.length >= MAX_PATHS) return;
    if (isRoot(current)) {
      paths.push(path);
      return;
    }
    if (path.length >= MAX_PATH) return;
    for (const root of anchors.roots) if (issuedBy(current, root)) paths.push([...path, root]);
    for (const ca of cas) if (!path.includes(ca) && issuedBy(current, ca)) walk([...path, ca]);
  };
  walk([leaf]);
  return paths;
}

function certificateFailure(path: ParsedCertificate[], index: number, at: Date): Failure | null {
  const cert = path[index];
  if (!cert) return null;
  const who = `${role(index, path.length)} «${cert.subject}»`;
  if (cert.unknownCriticalExtensions.length > 0) {
    const oids = cert.unknownCriticalExtensions.join(', ');
    return { code: 'CERT_UNTRUSTED', reason: `${who} содержит неизвестные критичные расширения (${oids})` };
  }
  if (at.getTime() < cert.notBefore.getTime()) {
    return {
      code: 'CERT_NOT_YET_VALID',
      reason: `${who} ещё не действовал: срок действия с ${formatMinskRu(cert.notBefore)}`,
    };
  }
  if (at.getTime() > cert.notAfter.getTime()) {
    return {
      code: 'CERT_EXPIRED',
      reason: `${who} не действовал: срок действия истёк ${formatMinskRu(cert.notAfter)}`,
    };
  }
  if (index === 0) return null;
  if (!cert.basicConstraints?.ca) {
    return { code: 'CERT_UNTRUSTED', reason: `${who} не является сертификатом удостоверяющего центра` };
  }
  if (cert.keyUsage !== null && !cert.keyUsage.has('keyCertSign')) {
    return { code: 'CERT_UNTRUSTED', reason: `${who} не предназначен для выпуска сертификатов` };
  }
  const below = index - 1; // CA certificates between this one and the signer's
  const limit = cert.basicConstraints.pathLength;
  if (limit !== undefined && below > limit) {
    return { code: 'CERT_UNTRUSTED', reason: `${who} ограничивает длину цепочки (${limit})` };
  }
  return null;
}

function revocationFailure(
  cert: ParsedCertificate,
  issuer: ParsedCertificate,
  index: number,
  length: number,
  crls: readonly ParsedCrl[],
  at: Date,
): Failure | null {
  for (const crl of crls) {
    if (!isCrlOf(crl, issuer)) continue;
    if (!isCrlSignedBy(crl, issuer)) {
      return {
        code: 'CRL_INVALID',
        reason: `Список отозванных сертификатов «${crl.issuerDn}» не подписан удостоверяющим центром «${issuer.subject}»`,
      };
    }
    const entry = crl.entries.get(cert.serialNumber);
    if (!entry) continue;
    // Revoked after the instant checked: the signature stands unless the key itself was compromised.
    const compromised = entry.reason === 'keyCompromise' || entry.reason === 'cACompromise';
    if (entry.revokedAt.getTime() <= at.getTime() || compromised) {
      const why = entry.reason ? ` (${CRL_REASON_RU[entry.reason]})` : '';
      return {
        code: 'CERT_REVOKED',
        reason: `${role(index, length)} «${cert.subject}» отозван ${formatMinskRu(entry.revokedAt)}${why}`,
      };
    }
  }
  return null;
}

function pathFailure(path: ParsedCertificate[], crls: readonly ParsedCrl[], at: Date): Failure | null {
  for (let i = 0; i < path.length; i++) {
    const failure = certificateFailure(path, i, at);
    if (failure) return failure;
  }
  for (let i = 0; i + 1 < path.length; i++) {
    const cert = path[i];
    const issuer = path[i + 1];
    if (!cert || !issuer) continue;
    const failure = revocationFailure(cert, issuer, i, path.length, crls, at);
    if (failure) return failure;
  }
  return null;
}

/** A valid path from `leaf` to one of the roots at `at`, or the reason there is none. */
export function validateChain(leaf: ParsedCertificate, anchors: TrustAnchors, at: Date): ChainResult {
  if (anchors.roots.length === 0) {
    return {
      ok: false,
      code: 'CERT_UNTRUSTED',
      reason: 'Не настроены доверенные корневые сертификаты: подлинность сертификата подписанта не установить',
    };
  }
  const paths = buildPaths(leaf, anchors);
  if (paths.length === 0) {
    return {
      ok: false,
      code: 'CERT_UNTRUSTED',
      reason: `Сертификат подписанта «${leaf.subject}» выдан не доверенным удостоверяющим центром («${leaf.issuer}»)`,
    };
  }
  let first: Failure | null = null;
  for (const path of paths) {
    const failure = pathFailure(path, anchors.crls ?? [], at);
    if (!failure) return { ok: true, chain: path };
    first ??= failure;
  }
  return { ok: false, ...(first as Failure) };
}
