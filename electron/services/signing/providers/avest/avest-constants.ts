/**
 * Constants of AVEST's AvCryptMail library («Комплект абонента», AvPCM) used by the provider, as
 * published in its headers `AvCryptMailBase.h` 2.23.4 and `AvCryptMail.h` 2.23.3 (© AVEST plc.,
 * 2003–2005; the headers circulate with integrators' code, e.g. github.com/CIT072020/Selsovet,
 * AVEST/bgu/). Only the values the product needs are copied; names are kept as in the headers.
 */

// ----- AvCmInit -----
/** First initialisation of the library in the process. */
export const AVCMF_STARTUP = 0x1;
/** Release of the library's resources before unloading. */
export const AVCMF_SHUTDOWN = 0x2;

// ----- AvCmLogin -----
/** Session without authenticating the user (no PIN dialog): enumerate certificates, verify. */
export const AVCMF_NO_AUTH = 0x4;
/**
 * No «Загрузка сертификатов» window at login. Not in the 2.23 headers: taken from a later
 * integration (DigitalSigning.Av `AvConst.AVCMF_SILENT = 0x40`); the provider retries without it when
 * an older library answers AVCMR_BAD_FLAGS.
 */
export const AVCMF_SILENT = 0x40;
/** Check at login that the token with the personal key is inserted. */
export const AVCMF_FORCE_TOKEN_CONTROL = 0x10000;

// ----- AvCmSign -----
/** Input is raw data (to be wrapped as PKCS#7 Data), not a PKCS#7 message. */
export const AVCMF_IN_RAW_DATA = 0x100;
/** Include only the signer's certificate in the output. */
export const AVCMF_ADD_SIGN_CERT = 0x100000;
/** The library allocates the output with HeapAlloc; the caller frees it with HeapFree. */
export const AVCMF_ALLOC = 0x1000000;
/** The content is not included in the output message (detached signature). */
export const AVCMF_DETACHED = 0x2000000;

// ----- AvCmEnumGet -----
export const AVCMF_NEXT = 0x40;
export const AVCMF_START = 0x80;

// ----- Parameter / attribute identifiers -----
/** AvCmLogin / AvCmOpenCertEnum: identifier of the public key (ASCIIZ hex string). */
export const AVCM_PUB_KEY_ID = 0x100f;
/** AvCmOpenCertEnum: kind of certificates to enumerate … */
export const AVCM_TYPE = 0x26;
/** … personal certificates only. */
export const AVCM_TYPE_MY = 0x10e;
/** AvCmGetObjectInfo: the personal certificate of the session. */
export const AVCM_MY_CERT = 0x8;
/** AvCmGetCertAttr: DER of the certificate. */
export const AVCM_BLOB = 0x2d;
/** AvCmGetErrorInfo: short description of an error. */
export const AVCM_SHORT_STRING = 0x1;

// ----- Result codes (AvCmResult) -----
export const AVCMR_SUCCESS = 0;
const AVCMR_BASE = 0xe82a0100;
const code = (offset: number) => (AVCMR_BASE + offset) >>> 0;

export const AVCMR = {
  ALLOC_ERROR: code(0x01),
  BAD_FORMAT: code(0x03),
  BAD_HANDLE: code(0x04),
  BAD_HC: code(0x05),
  BAD_PASSWORD: code(0x0b),
  BUFFER_TOO_SMALL: code(0x0c),
  CERT_NOT_FOUND: code(0x0d),
  CERT_CA_INVALID: code(0x0e),
  CERT_CA_NOT_FOUND: code(0x0f),
  CERT_NOT_FOR_SIGN: code(0x12),
  CERT_SIGN_INVALID: code(0x13),
  CERT_STORE_NOT_FOUND: code(0x14),
  CONTAINER_NOT_FOUND: code(0x15),
  CRL_INVALID: code(0x16),
  CRL_NOT_FOUND: code(0x17),
  DB_NOT_FOUND: code(0x18),
  DEVICE_NOT_FOUND: code(0x19),
  BUSY: code(0x1a),
  NO_INPUT: code(0x1c),
  ALREADY_INITIALIZED: code(0x1e),
  NOT_INITIALIZED: code(0x1f),
  BAD_FLAGS: code(0x21),
  BAD_THREAD: code(0x22),
  INTERNAL_ERROR: code(0x24),
  NOT_FOUND: code(0x25),
  BAD_PARAM: code(0x29),
  AVCSP_INIT_FAILED: code(0x2b),
  CTL_NOT_FOUND: code(0x2f),
  CERT_REVOKED: code(0x30),
  CERT_NOT_TRUSTED: code(0x31),
  CRL_EXPIRED: code(0x32),
  CRL_ISSUER_NOT_FOUND: code(0x33),
  CRL_ISSUER_EXPIRED: code(0x34),
  MY_STORE_EMPTY: code(0x36),
  USER_CANCEL: code(0x37),
  TOO_MANY_CERT: code(0x3a),
  CERT_TEMPORARY_REVOKED: code(0x47),
  REPEAT_AUTHENTICATION_ERROR: code(0x48),
  TOKEN_NOT_FOUND: code(0x4a),
  CERT_NOT_VALID_YET: code(0x4c),
  CERT_ALREADY_EXPIRED: code(0x4d),
  INVALID_TOKEN: code(0x4e),
  BAD_KEY: code(0x4f),
  OBJ_LOCKED: code(0x53),
  ALG_NOT_SUPPORTED: code(0x55),
  INVALID_KEY_USAGE: code(0x64),
  LOADLIBPKCS11_ERROR: code(0x67),
  KEY_ALREADY_EXPIRED: code(0x74),
  PKCS11_TOKEN_NOT_PRESENTERROR: code(0x75),
  PKCS11_ERROR: code(0x76),
} as const;

export type AvestResultName = keyof typeof AVCMR;

/** The header's name of a result code (`AVCMR_BAD_PASSWORD`), or its hex. */
export function avestResultName(result: number): string {
  if (result === AVCMR_SUCCESS) return 'AVCMR_SUCCESS';
  for (const [name, value] of Object.entries(AVCMR)) if (value === result >>> 0) return `AVCMR_${name}`;
  return `0x${(result >>> 0).toString(16).toUpperCase()}`;
}
