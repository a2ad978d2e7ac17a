/**
 * Verification of a detached CMS SignedData with bign (RFC 5652 5.4–5.6; STB 34.101.23, 34.101.45,
 * 34.101.31) and of its signer's certificate (RFC 5280 section 6). Never throws on a hostile or broken
 * signature: every failure is `{ valid: false, code, reason }` with a Russian reason for the clerk.
 */
import { formatMinsk } from '../../../../shared/calendar';
import { beltHash, bignVerify, bytesEqual } from '../../../../shared/crypto';
import { assertBeltHash, assertBignWithHbelt } from '../pki/bign';
import { type ParsedCertificate, parseCertificate } from '../pki/certificate';
import { validateChain } from '../pki/chain';
import { type Failure, failureOf, PkiError, type VerifyCode } from '../pki/codes';
import { type ParsedCrl, parseCrl } from '../pki/crl';
import { readSignedAttributes } from './attributes';
import { findSigner, parseSignedData } from './parse';

export interface VerifyOptions {
  /** Trusted roots (DER or parsed, e.g. `loadTrustStore(...).roots`). None → CERT_UNTRUSTED. */
  roots: readonly (Uint8Array | ParsedCertificate)[];
  /** CA certificates that may complete the path besides those the signature carries. */
  intermediates?: readonly (Uint8Array | ParsedCertificate)[];
  crls?: readonly (Uint8Array | ParsedCrl)[];
  /** The instant the certificates must be valid at; default the signingTime attribute, else now. */
  at?: Date;
}

export interface SignerSummary {
  /** The owner's name (surname + given name, else CN). */
  subject: string;
  serialNumber: string;
  /** The issuing authority's CN. */
  issuer: string;
}

export interface VerifyResult {
  valid: boolean;
  code: VerifyCode;
  /** Russian, for the clerk; null when valid. */
  reason: string | null;
  /** The signer's certificate, once the signature names one that it carries. */
  signer: SignerSummary | null;
  /** The signingTime attribute, ISO 8601 in Minsk time, or null. */
  signedAt: string | null;
}

const asCertificate = (c: Uint8Array | ParsedCertificate) => (c instanceof Uint8Array ? parseCertificate(c) : c);
const asCrl = (c: Uint8Array | ParsedCrl) => (c instanceof Uint8Array ? parseCrl(c) : c);

function summary(cert: ParsedCertificate): SignerSummary {
  return { subject: cert.subject, serialNumber: cert.serialNumber, issuer: cert.issuer };
}

/** RFC 5280 4.2.1.3: a signing certificate asserts digitalSignature or nonRepudiation. */
function keyUsageFailure(cert: ParsedCertificate): Failure | null {
  if (cert.keyUsage?.has('digitalSignature') || cert.keyUsage?.has('nonRepudiation')) return null;
  return {
    code: 'KEY_USAGE',
    reason:
      cert.keyUsage === null
        ? `В сертификате «${cert.subject}» не указано назначение ключа (keyUsage): он не предназначен для ЭЦП`
        : `Сертификат «${cert.subject}» не предназначен для ЭЦП: назначение ключа не включает подпись`,
  };
}

/**
 * Verifies `p7s` (DER or PEM) as a detached signature of `content`: the SignedData, the digest, the
 * bign signature, then the signer's certificate — key usage and a valid path to `roots` at the signing
 * time (or `at`), CRLs included. Malformed options (a broken root) throw; a broken signature does not.
 */
export function verifyDetached(content: Uint8Array, p7s: Uint8Array, options: VerifyOptions): VerifyResult {
  const roots = options.roots.map(asCertificate);
  const intermediates = (options.intermediates ?? []).map(asCertificate);
  const crls = (options.crls ?? []).map(asCrl);
  let signer: SignerSummary | null = null;
  let signedAt: string | null = null;
  const fail = (failure: Failure): VerifyResult => ({ valid: false, ...failure, signer, signedAt });
  try {
    const { signedData, signerInfo, certificates } = parseSignedData(p7s);
    const cert = findSigner(signerInfo, [...certificates, ...intermediates]);
    if (!cert) {
      return fail({
        code: 'SIGNER_NOT_FOUND',
        reason: 'В подписи нет сертификата подписанта: проверить её невозможно',
      });
    }
    signer = summary(cert);
    assertBeltHash(signerInfo.digestAlgorithm, 'Подпись');
    assertBignWithHbelt(signerInfo.signatureAlgorithm, 'Подпись');
    if (cert.publicKey === null) {
      throw new PkiError('ALGORITHM_UNSUPPORTED', 'Ключ сертификата подписанта — не bign (СТБ 34.101.45)');
    }
    let signedBytes = content;
    let signingTime: Date | undefined;
    if (signerInfo.signedAttrs) {
      const attributes = readSignedAttributes(signerInfo.signedAttrs.attributes);
      if (attributes.contentType !== signedData.encapContentInfo.eContentType) {
        throw new PkiError('MALFORMED', 'Подпись повреждена: contentType не совпадает с типом содержимого');
      }
      signingTime = attributes.signingTime;
      signedAt = signingTime ? formatMinsk(signingTime) : null;
      if (!bytesEqual(attributes.messageDigest, beltHash(content))) {
        return fail({
          code: 'DIGEST_MISMATCH',
          reason: 'Документ изменён после подписания: его хэш не совпадает с подписанным',
        });
      }
      // RFC 5652 5.4: the signature covers the DER of the attributes with the SET OF tag.
      signedBytes = new Uint8Array(signerInfo.signedAttrs.encodedValue);
    }
    const signature = signerInfo.signature.valueBlock.valueHexView;
    if (!bignVerify(beltHash(signedBytes), signature, cert.publicKey)) {
      return fail({
        code: 'BAD_SIGNATURE',
        reason: 'Подпись неверна: она повреждена или сделана не ключом указанного сертификата',
      });
    }
    const at = options.at ?? signingTime ?? new Date();
    const chain = validateChain(cert, { roots, intermediates: [...certificates, ...intermediates], crls }, at);
    if (!chain.ok) return fail({ code: chain.code, reason: chain.reason });
    const usage = keyUsageFailure(cert);
    if (usage) return fail(usage);
    return { valid: true, code: 'VALID', reason: null, signer, signedAt };
  } catch (err) {
    return fail(failureOf(err));
  }
}
