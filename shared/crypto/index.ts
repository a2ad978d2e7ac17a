/**
 * Pure-TypeScript software crypto core of the Belarusian standards: belt-block, belt-wblock and
 * belt-hash (STB 34.101.31) and bign signatures on bign-curve256v1 (STB 34.101.45). No native code,
 * no node:* imports, no Buffer — it runs in Node, Electron and the browser alike.
 *
 * What the software key store built on it is for: development, automated tests, and verifying
 * every signature produced by the hardware signing tokens (verification needs only public keys).
 * It is NOT constant-time (BigInt arithmetic, table lookups, variable-time scalar multiplication)
 * and must NOT hold production private keys — real signing happens on the hardware tokens.
 */

export { BELT_H, beltBlockDecrypt, beltBlockEncrypt, beltKeyExpand } from './belt-block';
export { beltCompress } from './belt-compress';
export { BeltHash, beltHash } from './belt-hash';
export { BeltHmac, beltHmac } from './belt-hmac';
export { BELT_KWP_HEADER_BYTES, beltKwpUnwrap, beltKwpWrap } from './belt-kwp';
export { BELT_PBKDF2_MIN_ITERATIONS, beltPbkdf2 } from './belt-pbkdf2';
export { beltWblockDecrypt, beltWblockEncrypt } from './belt-wblock';
export {
  type AffinePoint,
  BIGN_CURVE256V1,
  BIGN_G,
  type BignCurve,
  decodePoint,
  encodePoint,
  isOnCurve,
  multiplyBase,
  multiplyPoint,
} from './bign-curve';
export {
  type BignKeyPair,
  bignGenerateKeyPair,
  bignGeneratePrivateKey,
  bignPublicKey,
  bignValidatePublicKey,
} from './bign-keys';
export {
  BIGN_HASH_BYTES,
  BIGN_SIGNATURE_BYTES,
  bignGenK,
  bignSign,
  bignSignMessage,
  bignSignWithK,
  bignVerify,
  bignVerifyMessage,
} from './bign-sign';
export { bytesEqual, bytesToHex, CryptoError, concatBytes, hexToBytes } from './bytes';
export { BELT_HASH_OID, BELT_HASH_OID_DER, oidToDer } from './oid';
export { defaultRandomBytes, type RandomBytes } from './random';
