/**
 * bign in X.509 and CMS (STB 34.101.45 annex Д): algorithm identifiers, the bign SubjectPublicKeyInfo
 * and signatures over DER structures. bign-with-hbelt signs H = belt-hash(DER) (STB 34.101.31) with
 * bign-sign; its parameters are NULL (Д.2), the public key is the 64 octets <Q> in a BIT STRING, the
 * signature the 48 octets S0 ‖ S1.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { beltHash, bignSign, bignValidatePublicKey, bignVerify } from '../../../../shared/crypto';
import { PkiError } from './codes';
import { OID_BELT_HASH, OID_BIGN_CURVE256V1, OID_BIGN_PUBKEY, OID_BIGN_WITH_HBELT, OID_BIGN_WITH_HSPEC } from './oids';

/** Length of <Q> on bign-curve256v1. */
export const BIGN_PUBLIC_KEY_BYTES = 64;

/** { bign-with-hbelt, NULL }. */
export function bignWithHbelt(): pkijs.AlgorithmIdentifier {
  return new pkijs.AlgorithmIdentifier({ algorithmId: OID_BIGN_WITH_HBELT, algorithmParams: new asn1js.Null() });
}

/** { belt-hash, NULL } (STB 34.101.31 annex Б). */
export function beltHashAlgorithm(): pkijs.AlgorithmIdentifier {
  return new pkijs.AlgorithmIdentifier({ algorithmId: OID_BELT_HASH, algorithmParams: new asn1js.Null() });
}

function absentOrNull(params: unknown): boolean {
  return params === undefined || params instanceof asn1js.Null;
}

/** Throws ALGORITHM_UNSUPPORTED unless the digest algorithm is belt-hash (parameters absent or NULL). */
export function assertBeltHash(algorithm: pkijs.AlgorithmIdentifier, what: string): void {
  if (algorithm.algorithmId !== OID_BELT_HASH || !absentOrNull(algorithm.algorithmParams)) {
    throw new PkiError(
      'ALGORITHM_UNSUPPORTED',
      `${what}: алгоритм хэширования ${algorithm.algorithmId} не поддерживается (нужен belt-hash)`,
    );
  }
}

/**
 * Throws ALGORITHM_UNSUPPORTED unless the signature algorithm is bign-with-hbelt (parameters NULL or
 * absent) or bign-with-hspec naming belt-hash.
 */
export function assertBignWithHbelt(algorithm: pkijs.AlgorithmIdentifier, what: string): void {
  const { algorithmId, algorithmParams } = algorithm;
  if (algorithmId === OID_BIGN_WITH_HBELT && absentOrNull(algorithmParams)) return;
  if (algorithmId === OID_BIGN_WITH_HSPEC) {
    const hash = algorithmParams instanceof asn1js.ObjectIdentifier ? algorithmParams.valueBlock.toString() : '';
    if (hash === OID_BELT_HASH) return;
  }
  throw new PkiError(
    'ALGORITHM_UNSUPPORTED',
    `${what}: алгоритм подписи ${algorithmId} не поддерживается (нужен bign-with-hbelt, СТБ 34.101.45)`,
  );
}

/** SubjectPublicKeyInfo { { bign-pubkey, bign-curve256v1 }, BIT STRING <Q> }. */
export function bignPublicKeyInfo(publicKey: Uint8Array): pkijs.PublicKeyInfo {
  if (!bignValidatePublicKey(publicKey)) throw new Error('bignPublicKeyInfo: not a bign-curve256v1 public key');
  return new pkijs.PublicKeyInfo({
    algorithm: new pkijs.AlgorithmIdentifier({
      algorithmId: OID_BIGN_PUBKEY,
      algorithmParams: new asn1js.ObjectIdentifier({ value: OID_BIGN_CURVE256V1 }),
    }),
    subjectPublicKey: new asn1js.BitString({ valueHex: publicKey }),
  });
}

/** <Q> from a SubjectPublicKeyInfo; ALGORITHM_UNSUPPORTED for other keys or curves, MALFORMED for bad points. */
export function bignPublicKeyOf(info: pkijs.PublicKeyInfo, what: string): Uint8Array {
  const { algorithmId, algorithmParams } = info.algorithm;
  const curve = algorithmParams instanceof asn1js.ObjectIdentifier ? algorithmParams.valueBlock.toString() : '';
  if (algorithmId !== OID_BIGN_PUBKEY || curve !== OID_BIGN_CURVE256V1) {
    throw new PkiError(
      'ALGORITHM_UNSUPPORTED',
      `${what}: ключ ${algorithmId}${curve ? ` (${curve})` : ''} не поддерживается (нужен bign-curve256v1, СТБ 34.101.45)`,
    );
  }
  const bits = info.subjectPublicKey;
  const key = Uint8Array.from(bits.valueBlock.valueHexView);
  if (bits.valueBlock.unusedBits !== 0 || key.length !== BIGN_PUBLIC_KEY_BYTES || !bignValidatePublicKey(key)) {
    throw new PkiError('MALFORMED', `${what}: открытый ключ bign повреждён`);
  }
  return key;
}

/** bign-with-hbelt signature of a DER structure. */
export function signDer(der: Uint8Array, privateKey: Uint8Array): Uint8Array {
  return bignSign(beltHash(der), privateKey);
}

/** bign-with-hbelt verification of a DER structure; never throws. */
export function verifyDer(der: Uint8Array, signature: Uint8Array, publicKey: Uint8Array): boolean {
  return bignVerify(beltHash(der), signature, publicKey);
}
