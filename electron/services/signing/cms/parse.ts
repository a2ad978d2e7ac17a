/**
 * Reading a detached CMS SignedData (RFC 5652 5.1–5.3) from untrusted bytes: exactly one SignerInfo,
 * no eContent, the X.509 certificates it carries parsed. Anything else throws PkiError MALFORMED.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { type ParsedCertificate, parseCertificate } from '../pki/certificate';
import { PkiError } from '../pki/codes';
import { CMS_LABELS, decodeAs, derBlocks, encode } from '../pki/der';
import { OID_DATA, OID_SIGNED_DATA } from '../pki/oids';

export interface ParsedSignedData {
  signedData: pkijs.SignedData;
  signerInfo: pkijs.SignerInfo;
  /** The X.509 certificates carried in `certificates` (signer's and CAs'). */
  certificates: ParsedCertificate[];
}

const PREFIX = 'Подпись повреждена или имеет неверный формат';

function malformed(detail: string): PkiError {
  return new PkiError('MALFORMED', `${PREFIX}: ${detail}`);
}

/**
 * RFC 5652 5.1 and 5.3 fix the version numbers ("MUST"): SignerInfo 1 with issuerAndSerialNumber, 3 with
 * subjectKeyIdentifier; SignedData 3 when a SignerInfo is v3 or the content is not id-data, else 1 (only
 * X.509 certificates and CRLs are read here). Checking them and the digestAlgorithms list leaves no
 * unauthenticated field that could be altered without the signature being reported broken.
 */
function checkVersions(signedData: pkijs.SignedData, signerInfo: pkijs.SignerInfo): void {
  const byIssuer = signerInfo.sid instanceof pkijs.IssuerAndSerialNumber;
  if (signerInfo.version !== (byIssuer ? 1 : 3)) throw malformed(`неверная версия SignerInfo (${signerInfo.version})`);
  const expected = signerInfo.version === 3 || signedData.encapContentInfo.eContentType !== OID_DATA ? 3 : 1;
  if (signedData.version !== expected) throw malformed(`неверная версия SignedData (${signedData.version})`);
  const digest = encode(signerInfo.digestAlgorithm.toSchema());
  if (!signedData.digestAlgorithms.some((a) => Buffer.compare(encode(a.toSchema()), digest) === 0)) {
    throw malformed('алгоритм хэширования подписанта не указан в digestAlgorithms');
  }
}

/** Parses DER (or PEM «PKCS7»/«CMS») of ContentInfo { signedData }. */
export function parseSignedData(p7s: Uint8Array): ParsedSignedData {
  if (p7s.length === 0) throw malformed('файл подписи пуст');
  let contentInfo: pkijs.ContentInfo;
  try {
    const [der, ...more] = derBlocks(p7s, CMS_LABELS, 'данные');
    if (!der || more.length > 0) throw malformed('ожидается одна подпись');
    contentInfo = decodeAs((schema) => new pkijs.ContentInfo({ schema }), der, 'ContentInfo');
  } catch (err) {
    throw err instanceof PkiError && !err.message.startsWith(PREFIX) ? malformed(err.message) : err;
  }
  if (contentInfo.contentType !== OID_SIGNED_DATA) throw malformed(`это не SignedData (${contentInfo.contentType})`);
  let signedData: pkijs.SignedData;
  try {
    signedData = new pkijs.SignedData({ schema: contentInfo.content });
  } catch (err) {
    throw malformed(`структура SignedData не соответствует RFC 5652 (${(err as Error).message})`);
  }
  if (signedData.encapContentInfo.eContent !== undefined) {
    throw malformed('подпись содержит документ внутри, ожидается отсоединённая подпись (.p7s) к файлу');
  }
  const [signerInfo, ...others] = signedData.signerInfos;
  if (!signerInfo) throw malformed('нет ни одного подписанта');
  if (others.length > 0) throw malformed(`подписантов ${signedData.signerInfos.length}, поддерживается один`);
  checkVersions(signedData, signerInfo);
  const certificates = (signedData.certificates ?? [])
    .filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate)
    .map((c) => parseCertificate(encode(c.toSchema())));
  return { signedData, signerInfo, certificates };
}

/** The certificate the SignerIdentifier names (issuerAndSerialNumber or [0] subjectKeyIdentifier). */
export function findSigner(
  signerInfo: pkijs.SignerInfo,
  candidates: readonly ParsedCertificate[],
): ParsedCertificate | undefined {
  const { sid } = signerInfo;
  if (sid instanceof pkijs.IssuerAndSerialNumber) {
    // The sid is not covered by the signature: it must name the certificate exactly as the certificate
    // encodes its issuer (no string-type or case folding), so no altered copy still passes.
    const issuer = encode(sid.issuer.toSchema());
    const serial = encode(sid.serialNumber);
    return candidates.find(
      (c) =>
        Buffer.compare(encode(c.certificate.issuer.toSchema()), issuer) === 0 &&
        Buffer.compare(encode(c.certificate.serialNumber), serial) === 0,
    );
  }
  const keyId =
    sid instanceof asn1js.Constructed
      ? (sid.valueBlock.value[0] as asn1js.OctetString | undefined)?.valueBlock.valueHexView
      : (sid as asn1js.Primitive | undefined)?.valueBlock.valueHexView;
  if (!keyId) return undefined;
  return candidates.find((c) => c.subjectKeyId !== undefined && Buffer.compare(c.subjectKeyId, keyId) === 0);
}
