/**
 * Test-only stand-ins for `electron/services/signing/pki` (issuing) and `…/cms` (SignedData), kept
 * minimal so the providers' tests do not depend on the modules being written alongside: a bign
 * certificate (self-signed or signed by a test CA) and a detached CMS SignedData with the signed
 * attributes contentType, signingTime and messageDigest, plus a verifier that checks the signature
 * with shared/crypto bignVerify over belt-hash of the DER of the signed attributes.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type {
  BuildSignedData,
  IssueDevelopmentCertificate,
} from '../../../../../../electron/services/signing/providers/cms-port';
import {
  BELT_HASH_OID,
  BIGN_CURVE256V1,
  type BignKeyPair,
  beltHash,
  bignGenerateKeyPair,
  bignSign,
  bignVerify,
  bytesEqual,
} from '../../../../../../shared/crypto';

const OID_BIGN_WITH_HBELT = '1.2.112.0.2.0.34.101.45.12';
const OID_BIGN_PUBKEY = '1.2.112.0.2.0.34.101.45.2.1';
const OID_DATA = '1.2.840.113549.1.7.1';
const OID_SIGNED_DATA = '1.2.840.113549.1.7.2';
const OID_CONTENT_TYPE = '1.2.840.113549.1.9.3';
const OID_MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
const OID_SIGNING_TIME = '1.2.840.113549.1.9.5';

const bignAlgorithm = () => new pkijs.AlgorithmIdentifier({ algorithmId: OID_BIGN_WITH_HBELT });

export interface NameSpec {
  commonName?: string;
  surname?: string;
  /** 2.5.4.41 «name»: given name and patronymic in the Belarusian profile. */
  name?: string;
}

function distinguishedName(spec: NameSpec): pkijs.RelativeDistinguishedNames {
  const rdn = new pkijs.RelativeDistinguishedNames();
  const add = (type: string, value?: string) => {
    if (value)
      rdn.typesAndValues.push(new pkijs.AttributeTypeAndValue({ type, value: new asn1js.Utf8String({ value }) }));
  };
  add('2.5.4.6', 'BY');
  add('2.5.4.3', spec.commonName);
  add('2.5.4.4', spec.surname);
  add('2.5.4.41', spec.name);
  return rdn;
}

let serial = 0x1000;

export interface IssueOptions {
  subject: NameSpec;
  publicKey: Uint8Array;
  notBefore?: Date;
  notAfter?: Date;
  /** Signs the certificate; the subject's own key (self-signed) when absent. */
  issuer?: { name: NameSpec; privateKey: Uint8Array };
  subjectPrivateKey?: Uint8Array;
}

export function issueTestCertificate(options: IssueOptions): Uint8Array {
  const certificate = new pkijs.Certificate();
  certificate.version = 2;
  serial += 1;
  certificate.serialNumber = new asn1js.Integer({ value: serial });
  certificate.signature = bignAlgorithm();
  certificate.signatureAlgorithm = bignAlgorithm();
  certificate.issuer = distinguishedName(options.issuer?.name ?? options.subject);
  certificate.subject = distinguishedName(options.subject);
  certificate.notBefore.value = options.notBefore ?? new Date('2025-01-01T00:00:00Z');
  certificate.notAfter.value = options.notAfter ?? new Date('2035-01-01T00:00:00Z');
  certificate.subjectPublicKeyInfo = new pkijs.PublicKeyInfo();
  certificate.subjectPublicKeyInfo.algorithm = new pkijs.AlgorithmIdentifier({
    algorithmId: OID_BIGN_PUBKEY,
    algorithmParams: new asn1js.ObjectIdentifier({ value: BIGN_CURVE256V1.oid }),
  });
  certificate.subjectPublicKeyInfo.subjectPublicKey = new asn1js.BitString({ valueHex: options.publicKey });
  const signer = options.issuer?.privateKey ?? options.subjectPrivateKey;
  if (!signer) throw new Error('issueTestCertificate: a self-signed certificate needs subjectPrivateKey');
  const tbs = new Uint8Array(certificate.encodeTBS().toBER());
  certificate.signatureValue = new asn1js.BitString({ valueHex: bignSign(beltHash(tbs), signer) });
  return new Uint8Array(certificate.toSchema(true).toBER());
}

export interface TestSigner extends BignKeyPair {
  certificateDer: Uint8Array;
}

export const TEST_CA_NAME: NameSpec = { commonName: 'Тестовый УЦ (не для юридически значимой подписи)' };
export const TEST_CA: BignKeyPair = bignGenerateKeyPair();

export function makeTestSigner(subject: NameSpec, validity: { notBefore?: Date; notAfter?: Date } = {}): TestSigner {
  const keys = bignGenerateKeyPair();
  const certificateDer = issueTestCertificate({
    subject,
    publicKey: keys.publicKey,
    issuer: { name: TEST_CA_NAME, privateKey: TEST_CA.privateKey },
    ...validity,
  });
  return { ...keys, certificateDer };
}

/** The shape of the pki issuing helper, backed by the test CA. */
export const issueWithTestCa: IssueDevelopmentCertificate = async (request) =>
  issueTestCertificate({
    subject: { commonName: request.commonName },
    publicKey: request.publicKey,
    notBefore: request.notBefore,
    notAfter: request.notAfter,
    issuer: { name: TEST_CA_NAME, privateKey: TEST_CA.privateKey },
  });

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return (a[i] ?? 0) - (b[i] ?? 0);
  return a.length - b.length;
}

function certificateFromDer(der: Uint8Array): pkijs.Certificate {
  return pkijs.Certificate.fromBER(new Uint8Array(der));
}

export interface SyncSignedDataInput {
  content: Uint8Array;
  certificateDer: Uint8Array;
  sign: (hash: Uint8Array) => Uint8Array;
  signingTime: Date;
  /** Embed the content (attached) instead of leaving it out (detached, the default). */
  attached?: boolean;
}

function signedAttributes(content: Uint8Array, signingTime: Date): pkijs.SignedAndUnsignedAttributes {
  const attributes = [
    new pkijs.Attribute({ type: OID_CONTENT_TYPE, values: [new asn1js.ObjectIdentifier({ value: OID_DATA })] }),
    new pkijs.Attribute({ type: OID_SIGNING_TIME, values: [new asn1js.UTCTime({ valueDate: signingTime })] }),
    new pkijs.Attribute({
      type: OID_MESSAGE_DIGEST,
      values: [new asn1js.OctetString({ valueHex: beltHash(content) })],
    }),
  ].sort((a, b) => compareBytes(new Uint8Array(a.toSchema().toBER()), new Uint8Array(b.toSchema().toBER())));
  return new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes });
}

/** DER of the signed attributes as hashed: SET OF (RFC 5652 5.4), sent as [0] IMPLICIT. */
function signedAttributesForHashing(attrs: pkijs.SignedAndUnsignedAttributes): Uint8Array {
  const der = new Uint8Array(attrs.toSchema().toBER());
  der[0] = 0x31;
  return der;
}

function assemble(
  input: Omit<SyncSignedDataInput, 'sign'>,
  signedAttrs: pkijs.SignedAndUnsignedAttributes,
  signature: Uint8Array,
): Uint8Array {
  const certificate = certificateFromDer(input.certificateDer);
  const digestAlgorithm = new pkijs.AlgorithmIdentifier({ algorithmId: BELT_HASH_OID });
  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: certificate.issuer, serialNumber: certificate.serialNumber }),
    digestAlgorithm,
    signedAttrs,
    signatureAlgorithm: bignAlgorithm(),
    signature: new asn1js.OctetString({ valueHex: signature }),
  });
  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [digestAlgorithm],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({
      eContentType: OID_DATA,
      ...(input.attached ? { eContent: new asn1js.OctetString({ valueHex: input.content }) } : {}),
    }),
    certificates: [certificate],
    signerInfos: [signerInfo],
  });
  const contentInfo = new pkijs.ContentInfo({ contentType: OID_SIGNED_DATA, content: signedData.toSchema(true) });
  return new Uint8Array(contentInfo.toSchema().toBER());
}

/** Synchronous SignedData (for the fake AvCmSign, which is a synchronous native call). */
export function buildTestSignedDataSync(input: SyncSignedDataInput): Uint8Array {
  const attrs = signedAttributes(input.content, input.signingTime);
  return assemble(input, attrs, input.sign(beltHash(signedAttributesForHashing(attrs))));
}

/** The shape of `../cms`'s builder: detached SignedData, one bign signer, DER-sorted signed attributes. */
export const buildTestSignedData: BuildSignedData = async ({ content, certificateDer, signHash, signingTime }) => {
  const attrs = signedAttributes(content, signingTime);
  const signature = await signHash(beltHash(signedAttributesForHashing(attrs)));
  return assemble({ content, certificateDer, signingTime }, attrs, signature);
};

export interface VerifiedSignature {
  signatureValid: boolean;
  digestMatches: boolean;
  detached: boolean;
  signerCertificateDer: Uint8Array;
  signingTime: Date | null;
}

/** Checks a detached SignedData over `content` with shared/crypto only (bignVerify over belt-hash). */
export function verifyTestSignedData(der: Uint8Array, content: Uint8Array): VerifiedSignature {
  const contentInfo = pkijs.ContentInfo.fromBER(new Uint8Array(der));
  if (contentInfo.contentType !== OID_SIGNED_DATA) throw new Error(`not SignedData: ${contentInfo.contentType}`);
  const signedData = new pkijs.SignedData({ schema: contentInfo.content });
  const signer = signedData.signerInfos[0];
  const certificate = signedData.certificates?.[0];
  if (!signer?.signedAttrs || !(certificate instanceof pkijs.Certificate)) throw new Error('no signer or certificate');
  const signedAttrs = new Uint8Array(signer.signedAttrs.encodedValue).slice();
  signedAttrs[0] = 0x31;
  const publicKey = new Uint8Array(certificate.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView);
  const signature = new Uint8Array(signer.signature.valueBlock.valueHexView);
  const attribute = (oid: string) => signer.signedAttrs?.attributes.find((a) => a.type === oid)?.values[0];
  const digest = attribute(OID_MESSAGE_DIGEST) as asn1js.OctetString | undefined;
  const time = attribute(OID_SIGNING_TIME) as asn1js.UTCTime | undefined;
  return {
    signatureValid: bignVerify(beltHash(signedAttrs), signature, publicKey),
    digestMatches:
      digest !== undefined && bytesEqual(new Uint8Array(digest.valueBlock.valueHexView), beltHash(content)),
    detached: signedData.encapContentInfo.eContent === undefined,
    signerCertificateDer: new Uint8Array(certificate.toSchema().toBER()),
    signingTime: time ? time.toDate() : null,
  };
}
