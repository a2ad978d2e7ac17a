/**
 * The sequences of AvCryptMail calls the product needs, run synchronously on the AVEST thread:
 * probe (is a token with a personal certificate there?), list personal certificates, sign detached.
 * Every sequence opens its own library scope and session and closes everything it opened — session
 * (AvCmLogout), enumeration and certificate handles (AvCmCloseHandle), the signature buffer
 * (HeapFree), the library (AvCmInit(AVCMF_SHUTDOWN)) — whatever fails in between. Results and
 * failures are plain data: they cross the worker-thread boundary by structured clone.
 */

import {
  AVCM_BLOB,
  AVCM_MY_CERT,
  AVCM_PUB_KEY_ID,
  AVCM_SHORT_STRING,
  AVCM_TYPE,
  AVCM_TYPE_MY,
  AVCMF_ADD_SIGN_CERT,
  AVCMF_ALLOC,
  AVCMF_DETACHED,
  AVCMF_FORCE_TOKEN_CONTROL,
  AVCMF_IN_RAW_DATA,
  AVCMF_NEXT,
  AVCMF_NO_AUTH,
  AVCMF_SHUTDOWN,
  AVCMF_SILENT,
  AVCMF_START,
  AVCMF_STARTUP,
  AVCMR,
  AVCMR_SUCCESS,
} from './avest-constants';
import type { AvCmConnectionParam, AvCmHandle, AvestLibrary, AvestLoadError, Out } from './avest-library';

export interface AvestCertificateRecord {
  /** AVCM_PUB_KEY_ID of the certificate: what AvCmLogin takes to select the key. */
  pubKeyId: string;
  der: Uint8Array;
}

export interface AvestSignRequest {
  pubKeyId: string;
  data: Uint8Array;
  /** HWND of the window that owns AVEST's PIN dialog (AvCmSetActiveWindow), if known. */
  ownerWindow?: number;
}

export interface AvestSignResult {
  /** DER of the detached PKCS#7/CMS SignedData produced by AvCmSign. */
  signedData: Uint8Array;
  /** DER of the certificate of the session's key (AVCM_MY_CERT). */
  certificateDer: Uint8Array;
}

export type AvestFailure =
  | { kind: 'load'; reason: AvestLoadError['reason']; message: string }
  | { kind: 'call'; fn: string; result: number; libraryText?: string }
  | { kind: 'wrong-key'; expected: string; actual: string }
  | { kind: 'internal'; message: string };

export type AvestOutcome<T> = { ok: true; value: T } | { ok: false; failure: AvestFailure };

export type AvestRequest = { op: 'probe' } | { op: 'list' } | { op: 'sign'; request: AvestSignRequest };

export interface AvestResults {
  probe: { certificates: number };
  list: AvestCertificateRecord[];
  sign: AvestSignResult;
}

/** A failed call inside a sequence; turned into an AvestFailure at the sequence boundary. */
class AvestCallFailure extends Error {
  constructor(readonly failure: AvestFailure) {
    super(failure.kind === 'call' ? `${failure.fn} failed` : failure.kind);
  }
}

const cp1251 = new TextDecoder('windows-1251');

/** ASCIIZ bytes of an ASCII string (key ids, OIDs). */
export function asciiz(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length + 1);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
  return bytes;
}

/** The 4 little-endian bytes of a DWORD parameter value. */
export function dword(value: number): Uint8Array {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setUint32(0, value >>> 0, true);
  return bytes;
}

function trimNul(bytes: Uint8Array): Uint8Array {
  const end = bytes.indexOf(0);
  return end === -1 ? bytes : bytes.subarray(0, end);
}

/** AvCmGetErrorInfo(AVCM_SHORT_STRING): the library's own text, decoded from cp1251; undefined if none. */
export function libraryErrorText(lib: AvestLibrary, result: number): string | undefined {
  try {
    const size: Out<number> = [0];
    const first = lib.AvCmGetErrorInfo(null, result, AVCM_SHORT_STRING, null, size, 0);
    if ((first !== AVCMR_SUCCESS && first !== AVCMR.BUFFER_TOO_SMALL) || size[0] <= 0 || size[0] > 4096)
      return undefined;
    const buffer = new Uint8Array(size[0]);
    if (lib.AvCmGetErrorInfo(null, result, AVCM_SHORT_STRING, buffer, size, 0) !== AVCMR_SUCCESS) return undefined;
    const text = cp1251.decode(trimNul(buffer.subarray(0, size[0]))).trim();
    return text === '' ? undefined : text;
  } catch {
    return undefined;
  }
}

function check(lib: AvestLibrary, fn: string, result: number): void {
  if (result >>> 0 === AVCMR_SUCCESS) return;
  throw new AvestCallFailure({ kind: 'call', fn, result: result >>> 0, libraryText: libraryErrorText(lib, result) });
}

/** The two-call pattern of AvCmGetCertAttr: ask the size, then fill a buffer of that size. */
function certAttribute(lib: AvestLibrary, handle: AvCmHandle, attrId: number): Uint8Array {
  const size: Out<number> = [0];
  const first = lib.AvCmGetCertAttr(handle, attrId, null, null, size, 0);
  if (first !== AVCMR_SUCCESS && first !== AVCMR.BUFFER_TOO_SMALL) check(lib, 'AvCmGetCertAttr', first);
  const buffer = new Uint8Array(size[0]);
  check(lib, 'AvCmGetCertAttr', lib.AvCmGetCertAttr(handle, attrId, null, buffer, size, 0));
  return buffer.slice(0, size[0]);
}

function certRecord(lib: AvestLibrary, hcert: AvCmHandle): AvestCertificateRecord {
  const der = certAttribute(lib, hcert, AVCM_BLOB);
  const pubKeyId = String.fromCharCode(...trimNul(certAttribute(lib, hcert, AVCM_PUB_KEY_ID))).trim();
  return { pubKeyId, der };
}

/** Key ids compare without case and separators (AVEST prints them as hex, sometimes spaced). */
export function sameKeyId(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/[^0-9a-z]/gi, '').toUpperCase();
  return norm(a) === norm(b);
}

/** AvCmInit(STARTUP) … AvCmLogin … body … AvCmLogout, AvCmInit(SHUTDOWN). */
function withSession<T>(
  lib: AvestLibrary,
  params: AvCmConnectionParam[],
  flags: number,
  body: (hc: AvCmHandle) => T,
): T {
  const started = lib.AvCmInit(AVCMF_STARTUP);
  if (started !== AVCMR_SUCCESS && started !== AVCMR.ALREADY_INITIALIZED) check(lib, 'AvCmInit', started);
  try {
    const hc: Out<AvCmHandle | null> = [null];
    let result = lib.AvCmLogin(params.length, params.length > 0 ? params : null, hc, flags);
    if (result === AVCMR.BAD_FLAGS && flags & AVCMF_SILENT) {
      result = lib.AvCmLogin(params.length, params.length > 0 ? params : null, hc, flags & ~AVCMF_SILENT);
    }
    check(lib, 'AvCmLogin', result);
    const session = hc[0];
    if (session === null) throw new AvestCallFailure({ kind: 'internal', message: 'AvCmLogin returned no session' });
    try {
      return body(session);
    } finally {
      lib.AvCmLogout(session, 0);
    }
  } finally {
    if (started === AVCMR_SUCCESS) lib.AvCmInit(AVCMF_SHUTDOWN);
  }
}

/** Personal certificates of the store (AVCM_TYPE = AVCM_TYPE_MY), each handle closed after reading. */
function personalCertificates(lib: AvestLibrary, hc: AvCmHandle): AvestCertificateRecord[] {
  const henum: Out<AvCmHandle | null> = [null];
  const params = [{ param_id: AVCM_TYPE, param_spec: null, param: dword(AVCM_TYPE_MY) }];
  check(lib, 'AvCmOpenCertEnum', lib.AvCmOpenCertEnum(hc, params.length, params, henum, 0));
  const enumeration = henum[0];
  if (enumeration === null) return [];
  const records: AvestCertificateRecord[] = [];
  try {
    for (let flag = AVCMF_START, guard = 0; guard < 1000; flag = AVCMF_NEXT, guard++) {
      const item: Out<AvCmHandle | null> = [null];
      const result = lib.AvCmEnumGet(enumeration, item, flag);
      if (result === AVCMR.NOT_FOUND) break;
      check(lib, 'AvCmEnumGet', result);
      const hcert = item[0];
      if (hcert === null) break;
      try {
        records.push(certRecord(lib, hcert));
      } finally {
        lib.AvCmCloseHandle(hcert, 0);
      }
    }
  } finally {
    lib.AvCmCloseHandle(enumeration, 0);
  }
  return records;
}

function sign(lib: AvestLibrary, request: AvestSignRequest): AvestSignResult {
  if (request.ownerWindow !== undefined) lib.AvCmSetActiveWindow(request.ownerWindow, 0);
  // No AVCM_PASSWORD parameter: AvCmLogin shows AVEST's own PIN dialog; the app never sees the PIN.
  const params = [{ param_id: AVCM_PUB_KEY_ID, param: asciiz(request.pubKeyId) }];
  return withSession(lib, params, AVCMF_FORCE_TOKEN_CONTROL, (hc) => {
    const mine: Out<AvCmHandle | null> = [null];
    const size: Out<number> = [8];
    check(lib, 'AvCmGetObjectInfo', lib.AvCmGetObjectInfo(hc, AVCM_MY_CERT, mine, size, 0));
    const hcert = mine[0];
    if (hcert === null) throw new AvestCallFailure({ kind: 'internal', message: 'AVCM_MY_CERT returned no handle' });
    let certificate: AvestCertificateRecord;
    try {
      certificate = certRecord(lib, hcert);
    } finally {
      lib.AvCmCloseHandle(hcert, 0);
    }
    if (!sameKeyId(certificate.pubKeyId, request.pubKeyId)) {
      throw new AvestCallFailure({ kind: 'wrong-key', expected: request.pubKeyId, actual: certificate.pubKeyId });
    }
    const output: Out<AvCmHandle | null> = [null];
    const outputSize: Out<number> = [0];
    const flags = AVCMF_IN_RAW_DATA | AVCMF_DETACHED | AVCMF_ADD_SIGN_CERT | AVCMF_ALLOC;
    check(lib, 'AvCmSign', lib.AvCmSign(hc, request.data, request.data.length, output, outputSize, flags));
    const block = output[0];
    if (block === null) throw new AvestCallFailure({ kind: 'internal', message: 'AvCmSign returned no buffer' });
    try {
      return { signedData: lib.readMemory(block, outputSize[0]), certificateDer: certificate.der };
    } finally {
      lib.HeapFree(lib.GetProcessHeap(), 0, block);
    }
  });
}

/** Runs one request against the library; never throws. */
export function runAvestRequest(lib: AvestLibrary, request: AvestRequest): AvestOutcome<unknown> {
  try {
    switch (request.op) {
      case 'probe': {
        // AVCMF_FORCE_TOKEN_CONTROL is documented for authenticating logins; that the library also
        // checks the token in a session without authentication (no PIN dialog) is our assumption.
        const flags = AVCMF_NO_AUTH | AVCMF_SILENT | AVCMF_FORCE_TOKEN_CONTROL;
        const count = withSession(lib, [], flags, (hc) => personalCertificates(lib, hc).length);
        return { ok: true, value: { certificates: count } };
      }
      case 'list':
        return {
          ok: true,
          value: withSession(lib, [], AVCMF_NO_AUTH | AVCMF_SILENT, (hc) => personalCertificates(lib, hc)),
        };
      case 'sign':
        return { ok: true, value: sign(lib, request.request) };
    }
  } catch (error) {
    if (error instanceof AvestCallFailure) return { ok: false, failure: error.failure };
    return {
      ok: false,
      failure: { kind: 'internal', message: error instanceof Error ? error.message : String(error) },
    };
  }
}
