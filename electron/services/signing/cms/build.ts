/**
 * Detached CMS SignedData (RFC 5652 section 5; STB 34.101.23) with bign: digest belt-hash
 * (STB 34.101.31), signature bign-with-hbelt (STB 34.101.45) over the DER of the signed attributes,
 * SignerIdentifier issuerAndSerialNumber, the signer's certificate included, no eContent.
 * The signature itself comes from a callback, so a token that only signs a hash fits the same code.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { BIGN_SIGNATURE_BYTES, beltHash, bignVerify } from '../../../../shared/crypto';
import { beltHashAlgorithm, bignWithHbelt } from '../pki/bign';
import { type ParsedCertificate, parseCertificate } from '../pki/certificate';
import { PkiError } from '../pki/codes';
import { encode } from '../pki/der';
import { OID_DATA, OID_SIGNED_DATA } from '../pki/oids';
import { wholeSeconds } from '../pki/time';
import { SigningError } from '../provider';
import { signedAttributes, signedAttributesDer } from './attributes';

export interface BuildSignedDataOptions {
  /** The document's bytes (not included: the signature is detached). */
  content: Uint8Array;
  /** DER of the signer's X.509 certificate (bign-pubkey on bign-curve256v1). */
  certificateDer: Uint8Array;
  /**
   * bign-sign of a 32-byte belt-hash value H (here H = belt-hash(DER of the signed attributes)); returns
   * the 48-byte signature S0 ‖ S1. A provider's errors (SigningError) pass through.
   */
  signHash: (hash: Uint8Array) => Uint8Array | Promise<Uint8Array>;
  /** signingTime attribute, default now (whole seconds). */
  signingTime?: Date;
  /** More certificates to carry (the signer's CA chain), DER. */
  extraCertificates?: readonly Uint8Array[];
  /**
   * Verify the returned signature against the certificate's key before assembling (default true): a
   * token with another key or a garbled answer fails here with PROVIDER_FAILED, not at the recipient.
   */
  checkSignature?: boolean;
}

function parsed(der: Uint8Array, whose: string): ParsedCertificate {
  try {
    return parseCertificate(der);
  } catch (err) {
    const detail = err instanceof PkiError ? err.message : String(err);
    throw new SigningError('PROVIDER_FAILED', `${whose} повреждён: ${detail}`);
  }
}

function certificateOf(der: Uint8Array): ParsedCertificate & { publicKey: Uint8Array } {
  const signer = parsed(der, 'Сертификат подписанта');
  const { publicKey } = signer;
  if (publicKey === null) {
    throw new SigningError(
      'ALGORITHM_UNSUPPORTED',
      'Ключ сертификата — не bign (СТБ 34.101.45): выберите сертификат ключа ЭЦП по белорусским стандартам',
    );
  }
  return { ...signer, publicKey };
}

/** The signer's certificate and the distinct extra ones, in DER order (CertificateSet is a SET OF, X.690 11.6). */
function certificateSet(signer: ParsedCertificate, extra: readonly Uint8Array[]): pkijs.Certificate[] {
  const all = [signer];
  for (const der of extra) {
    if (!all.some((c) => Buffer.compare(c.der, der) === 0)) all.push(parsed(der, 'Сертификат цепочки'));
  }
  return all.sort((a, b) => Buffer.compare(a.der, b.der)).map((c) => c.certificate);
}

/** DER of ContentInfo { signedData, SignedData } signed by the holder of `certificateDer`. */
export async function buildSignedData(options: BuildSignedDataOptions): Promise<Uint8Array> {
  const signer = certificateOf(options.certificateDer);
  const certificates = certificateSet(signer, options.extraCertificates ?? []);
  const attributes = signedAttributes({
    contentType: OID_DATA,
    signingTime: wholeSeconds(options.signingTime ?? new Date()),
    messageDigest: beltHash(options.content),
  });
  const hash = beltHash(signedAttributesDer(attributes));
  const signature = await options.signHash(hash);
  if (!(signature instanceof Uint8Array) || signature.length !== BIGN_SIGNATURE_BYTES) {
    throw new SigningError('PROVIDER_FAILED', 'Средство ЭЦП вернуло подпись неверной длины');
  }
  if (options.checkSignature !== false && !bignVerify(hash, signature, signer.publicKey)) {
    throw new SigningError(
      'PROVIDER_FAILED',
      'Подпись не соответствует выбранному сертификату: ключ и сертификат различаются',
    );
  }
  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({
      issuer: signer.certificate.issuer,
      serialNumber: signer.certificate.serialNumber,
    }),
    digestAlgorithm: beltHashAlgorithm(),
    signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes }),
    signatureAlgorithm: bignWithHbelt(),
    signature: new asn1js.OctetString({ valueHex: signature }),
  });
  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [beltHashAlgorithm()],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID_DATA }),
    certificates,
    signerInfos: [signerInfo],
  });
  const contentInfo = new pkijs.ContentInfo({ contentType: OID_SIGNED_DATA, content: signedData.toSchema(true) });
  return encode(contentInfo.toSchema());
}
