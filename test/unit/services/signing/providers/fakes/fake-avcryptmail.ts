/**
 * A faithful fake of AvCryptMail.dll's export table (the `AvestLibrary` interface): the same function
 * names, argument conventions (out-parameters as one-element arrays, the size-query pattern of
 * AvCmGetCertAttr/AvCmGetErrorInfo, AVCMF_ALLOC + HeapFree for AvCmSign) and AVCMR_* result codes
 * as in AvCryptMail.h / AvCryptMailBase.h. Behind it: a personal certificate store of fake tokens,
 * each a bign key + certificate, a PIN with a try counter, and a scripted user answering AVEST's PIN
 * dialog. It records what a real library would have to clean up (sessions, handles, heap blocks)
 * so tests can assert that the provider frees and closes everything.
 *
 * Modelled, not observed: which code a real token returns when (e.g. a blocked PIN as
 * AVCMR_PKCS11_ERROR with a CKR_PIN_LOCKED text; FORCE_TOKEN_CONTROL checked in NO_AUTH sessions).
 */
import * as pkijs from 'pkijs';
import {
  AVCM_BLOB,
  AVCM_MY_CERT,
  AVCM_PUB_KEY_ID,
  AVCM_SHORT_STRING,
  AVCM_TYPE,
  AVCM_TYPE_MY,
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
} from '../../../../../../electron/services/signing/providers/avest/avest-constants';
import type {
  AvCmConnectionParam,
  AvCmHandle,
  AvestArgs,
  AvestLibrary,
  Out,
} from '../../../../../../electron/services/signing/providers/avest/avest-library';
import { beltHash, bignSign, bytesToHex } from '../../../../../../shared/crypto';
import { buildTestSignedDataSync, type TestSigner } from './test-pki';

/** Not in the 2.23 header excerpt the provider copies; the header's "сессия без авторизации". */
const AVCMR_USER_NO_AUTH = (0xe82a0100 + 0x28) >>> 0;
const AVCMR_BAD_ATTR = (0xe82a0100 + 0x02) >>> 0;
const AVCM_PASSWORD = 0x1030;
const AVCM_DB_TYPE = 0x1;
const KNOWN_LOGIN_FLAGS = AVCMF_NO_AUTH | AVCMF_FORCE_TOKEN_CONTROL | 0x1 | 0x8 | 0x20000;

export interface FakeToken {
  signer: TestSigner;
  /** AVCM_PUB_KEY_ID as AVEST prints it (hex). */
  pubKeyId: string;
  pin: string;
  triesLeft: number;
  inserted: boolean;
}

/** What the user does in AVEST's PIN dialog. */
export type DialogAnswer = { pin: string; chooseKey?: string } | 'cancel';

type Session = { kind: 'session'; auth: boolean; token: FakeToken | null; children: Set<object> };
type Enumeration = { kind: 'enum'; session: Session; tokens: FakeToken[]; index: number };
type CertHandle = { kind: 'cert'; session: Session; token: FakeToken };
type HeapBlock = { kind: 'heap'; bytes: Uint8Array };

/** cp1251 for the library's error texts (AVEST returns ANSI strings). */
function cp1251(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) out[i] = c;
    else if (c >= 0x410 && c <= 0x44f) out[i] = c - 0x410 + 0xc0;
    else if (c === 0x401) out[i] = 0xa8;
    else if (c === 0x451) out[i] = 0xb8;
    else out[i] = 0x3f;
  }
  return out;
}

const DEFAULT_TEXTS = new Map<number, string>([
  [AVCMR.BAD_PASSWORD, 'Пароль неверен'],
  [AVCMR.USER_CANCEL, 'Действие отменено пользователем'],
  [AVCMR.TOKEN_NOT_FOUND, 'Носитель с личным ключом не установлен'],
  [AVCMR.CERT_ALREADY_EXPIRED, 'Срок действия сертификата истек'],
  [AVCMR.CERT_NOT_VALID_YET, 'Срок действия сертификата не наступил'],
  [AVCMR.CERT_NOT_FOUND, 'Не найден личный сертификат'],
  [AVCMR.PKCS11_ERROR, 'Ошибка при вызове функции PKCS#11'],
]);

export function keyIdOf(signer: TestSigner): string {
  return bytesToHex(beltHash(signer.publicKey).subarray(0, 20));
}

export class FakeAvCryptMail implements AvestLibrary {
  readonly tokens: FakeToken[] = [];
  /** The scripted user at AVEST's PIN dialog. */
  dialog: (token: FakeToken) => DialogAnswer = (token) => ({ pin: token.pin });
  /** A token is inserted whose certificate is not registered in the personal store. */
  unregisteredTokenInserted = false;
  /** An older library without AVCMF_SILENT answers AVCMR_BAD_FLAGS to it. */
  supportsSilent = true;
  now: () => Date = () => new Date('2026-03-02T09:00:00Z');

  initialized = false;
  initCount = 0;
  readonly calls: string[] = [];
  readonly loginParams: AvCmConnectionParam[][] = [];
  readonly errorTexts = new Map<number, string>(DEFAULT_TEXTS);
  dialogsShown = 0;
  ownerWindow: number | null = null;
  /** Handles still open (sessions, enumerations, certificates) and heap blocks not freed. */
  readonly open = new Set<object>();
  readonly heap = new Set<HeapBlock>();
  /** Child handles a session still had when it was logged out: leaks the provider left. */
  readonly leakedAtLogout: object[] = [];
  private readonly injected = new Map<string, { result: number; text?: string }[]>();
  private readonly processHeap = { kind: 'process-heap' };

  addToken(signer: TestSigner, options: Partial<Omit<FakeToken, 'signer'>> = {}): FakeToken {
    const token: FakeToken = {
      signer,
      pubKeyId: options.pubKeyId ?? keyIdOf(signer),
      pin: options.pin ?? '1234',
      triesLeft: options.triesLeft ?? 3,
      inserted: options.inserted ?? true,
    };
    this.tokens.push(token);
    return token;
  }

  /** The next call of `fn` returns `result` (and AvCmGetErrorInfo then gives `text`). */
  inject(fn: string, result: number, text?: string): void {
    const queue = this.injected.get(fn) ?? [];
    queue.push({ result: result >>> 0, text });
    this.injected.set(fn, queue);
  }

  private enter(fn: string): number | null {
    this.calls.push(fn);
    const next = this.injected.get(fn)?.shift();
    if (!next) return null;
    if (next.text) this.errorTexts.set(next.result, next.text);
    return next.result;
  }

  private session(handle: unknown): Session | null {
    const s = handle as Session | null;
    return s && s.kind === 'session' && this.open.has(s) ? s : null;
  }

  AvCmInit(...[flags]: AvestArgs<'AvCmInit'>): number {
    const injected = this.enter('AvCmInit');
    if (injected !== null) return injected;
    if (flags & AVCMF_STARTUP) {
      if (this.initialized) return AVCMR.ALREADY_INITIALIZED;
      this.initialized = true;
      this.initCount += 1;
      return AVCMR_SUCCESS;
    }
    if (flags & AVCMF_SHUTDOWN) {
      if (!this.initialized) return AVCMR.NOT_INITIALIZED;
      this.initialized = false;
      return AVCMR_SUCCESS;
    }
    return AVCMR.BAD_FLAGS;
  }

  AvCmLogin(...[count, params, hc, flags]: AvestArgs<'AvCmLogin'>): number {
    const injected = this.enter('AvCmLogin');
    if (injected !== null) return injected;
    if (!this.initialized) return AVCMR.NOT_INITIALIZED;
    if (count !== (params?.length ?? 0)) return AVCMR.BAD_PARAM;
    if (flags & AVCMF_SILENT && !this.supportsSilent) return AVCMR.BAD_FLAGS;
    if (flags & ~(KNOWN_LOGIN_FLAGS | (this.supportsSilent ? AVCMF_SILENT : 0))) return AVCMR.BAD_FLAGS;
    this.loginParams.push(params ?? []);
    const param = (id: number) => params?.find((p) => p.param_id === id)?.param ?? null;
    if (params?.some((p) => ![AVCM_PUB_KEY_ID, AVCM_PASSWORD, AVCM_DB_TYPE].includes(p.param_id)))
      return AVCMR.BAD_PARAM;

    if (flags & AVCMF_NO_AUTH) {
      const anyToken = this.unregisteredTokenInserted || this.tokens.some((t) => t.inserted);
      if (flags & AVCMF_FORCE_TOKEN_CONTROL && !anyToken) return AVCMR.TOKEN_NOT_FOUND;
      return this.openSession(hc, { kind: 'session', auth: false, token: null, children: new Set() });
    }

    const keyId = param(AVCM_PUB_KEY_ID);
    const wanted = keyId ? asciizText(keyId) : null;
    let token = wanted ? this.tokens.find((t) => t.pubKeyId === wanted) : this.tokens[0];
    if (!token) return this.tokens.length === 0 ? AVCMR.MY_STORE_EMPTY : AVCMR.CERT_NOT_FOUND;
    if (!token.inserted) return flags & AVCMF_FORCE_TOKEN_CONTROL ? AVCMR.TOKEN_NOT_FOUND : AVCMR.CONTAINER_NOT_FOUND;
    if (token.triesLeft <= 0) return this.locked();

    const given = param(AVCM_PASSWORD);
    let pin: string;
    if (given) {
      pin = asciizText(given);
    } else {
      this.dialogsShown += 1;
      const answer = this.dialog(token);
      if (answer === 'cancel') return AVCMR.USER_CANCEL;
      if (answer.chooseKey) {
        const chosen = this.tokens.find((t) => t.pubKeyId === answer.chooseKey);
        if (!chosen?.inserted) return AVCMR.TOKEN_NOT_FOUND;
        token = chosen;
      }
      pin = answer.pin;
    }
    if (pin !== token.pin) {
      token.triesLeft -= 1;
      return token.triesLeft <= 0 ? this.locked() : AVCMR.BAD_PASSWORD;
    }
    token.triesLeft = 3;
    return this.openSession(hc, { kind: 'session', auth: true, token, children: new Set() });
  }

  private locked(): number {
    this.errorTexts.set(AVCMR.PKCS11_ERROR, 'Ошибка PKCS#11: CKR_PIN_LOCKED, PIN-код заблокирован');
    return AVCMR.PKCS11_ERROR;
  }

  private openSession(hc: Out<AvCmHandle | null>, session: Session): number {
    this.open.add(session);
    hc[0] = session;
    return AVCMR_SUCCESS;
  }

  AvCmLogout(...[hc]: AvestArgs<'AvCmLogout'>): number {
    const injected = this.enter('AvCmLogout');
    if (injected !== null) return injected;
    const session = this.session(hc);
    if (!session) return AVCMR.BAD_HC;
    for (const child of session.children) if (this.open.has(child)) this.leakedAtLogout.push(child);
    this.open.delete(session);
    return AVCMR_SUCCESS;
  }

  AvCmGetObjectInfo(...[handle, paramId, output, outputSize]: AvestArgs<'AvCmGetObjectInfo'>): number {
    const injected = this.enter('AvCmGetObjectInfo');
    if (injected !== null) return injected;
    const session = this.session(handle);
    if (!session) return AVCMR.BAD_HANDLE;
    if (paramId !== AVCM_MY_CERT) return AVCMR_BAD_ATTR;
    if (!session.auth || !session.token) return AVCMR_USER_NO_AUTH;
    if (outputSize[0] < 8) {
      outputSize[0] = 8;
      return AVCMR.BUFFER_TOO_SMALL;
    }
    output[0] = this.child(session, { kind: 'cert', session, token: session.token });
    return AVCMR_SUCCESS;
  }

  private child<T extends object>(session: Session, handle: T): T {
    session.children.add(handle);
    this.open.add(handle);
    return handle;
  }

  AvCmOpenCertEnum(...[hc, count, params, henum]: AvestArgs<'AvCmOpenCertEnum'>): number {
    const injected = this.enter('AvCmOpenCertEnum');
    if (injected !== null) return injected;
    const session = this.session(hc);
    if (!session) return AVCMR.BAD_HC;
    if (count !== params.length) return AVCMR.BAD_PARAM;
    const type = params.find((p) => p.param_id === AVCM_TYPE)?.param;
    if (type?.length !== 4) return AVCMR.BAD_PARAM;
    if (new DataView(type.buffer, type.byteOffset, 4).getUint32(0, true) !== AVCM_TYPE_MY) return AVCMR.BAD_PARAM;
    henum[0] = this.child(session, {
      kind: 'enum',
      session,
      tokens: [...this.tokens],
      index: -1,
    } satisfies Enumeration);
    return AVCMR_SUCCESS;
  }

  AvCmEnumGet(...[henum, handle, flags]: AvestArgs<'AvCmEnumGet'>): number {
    const injected = this.enter('AvCmEnumGet');
    if (injected !== null) return injected;
    const enumeration = henum as Enumeration;
    if (enumeration?.kind !== 'enum' || !this.open.has(enumeration)) return AVCMR.BAD_HANDLE;
    if (flags & AVCMF_START) enumeration.index = 0;
    else if (flags & AVCMF_NEXT) enumeration.index += 1;
    else return AVCMR.BAD_FLAGS;
    const token = enumeration.tokens[enumeration.index];
    if (!token) return AVCMR.NOT_FOUND;
    handle[0] = this.child(enumeration.session, {
      kind: 'cert',
      session: enumeration.session,
      token,
    } satisfies CertHandle);
    return AVCMR_SUCCESS;
  }

  AvCmGetCertAttr(...[handle, attrId, _attrParam, output, outputSize]: AvestArgs<'AvCmGetCertAttr'>): number {
    const injected = this.enter('AvCmGetCertAttr');
    if (injected !== null) return injected;
    const cert = handle as CertHandle;
    if (cert?.kind !== 'cert' || !this.open.has(cert)) return AVCMR.BAD_HANDLE;
    let value: Uint8Array;
    if (attrId === AVCM_BLOB) value = cert.token.signer.certificateDer;
    else if (attrId === AVCM_PUB_KEY_ID) value = asciizBytes(cert.token.pubKeyId);
    else return AVCMR_BAD_ATTR;
    return copyOut(value, output, outputSize);
  }

  AvCmSign(...[hc, input, inputSize, output, outputSize, flags]: AvestArgs<'AvCmSign'>): number {
    const injected = this.enter('AvCmSign');
    if (injected !== null) return injected;
    const session = this.session(hc);
    if (!session) return AVCMR.BAD_HC;
    if (!session.auth || !session.token) return AVCMR_USER_NO_AUTH;
    if (inputSize === 0) return AVCMR.NO_INPUT;
    if (inputSize !== input.length) return AVCMR.BAD_PARAM;
    if (!(flags & AVCMF_ALLOC) || !(flags & AVCMF_IN_RAW_DATA)) return AVCMR.BAD_FLAGS; // the fake models the ALLOC form only
    const token = session.token;
    if (!token.inserted) return AVCMR.TOKEN_NOT_FOUND;
    const now = this.now();
    const { notBefore, notAfter } = validity(token.signer.certificateDer);
    if (now > notAfter) return AVCMR.CERT_ALREADY_EXPIRED;
    if (now < notBefore) return AVCMR.CERT_NOT_VALID_YET;
    const bytes = buildTestSignedDataSync({
      content: input.slice(0, inputSize),
      certificateDer: token.signer.certificateDer,
      sign: (hash) => bignSign(hash, token.signer.privateKey),
      signingTime: now,
      attached: !(flags & AVCMF_DETACHED),
    });
    const block: HeapBlock = { kind: 'heap', bytes };
    this.heap.add(block);
    output[0] = block;
    outputSize[0] = bytes.length;
    return AVCMR_SUCCESS;
  }

  AvCmCloseHandle(...[handle]: AvestArgs<'AvCmCloseHandle'>): number {
    const injected = this.enter('AvCmCloseHandle');
    if (injected !== null) return injected;
    if (!this.open.has(handle) || (handle as Session).kind === 'session') return AVCMR.BAD_HANDLE;
    this.open.delete(handle);
    (handle as CertHandle).session?.children.delete(handle);
    return AVCMR_SUCCESS;
  }

  AvCmGetErrorInfo(...[_hc, errorCode, paramId, output, outputSize]: AvestArgs<'AvCmGetErrorInfo'>): number {
    this.calls.push('AvCmGetErrorInfo');
    if (paramId !== AVCM_SHORT_STRING) return AVCMR_BAD_ATTR;
    const text = this.errorTexts.get(errorCode >>> 0) ?? 'Код ошибки неизвестен библиотеке';
    const bytes = new Uint8Array([...cp1251(text), 0]);
    return copyOut(bytes, output, outputSize);
  }

  AvCmSetActiveWindow(...[hwnd]: AvestArgs<'AvCmSetActiveWindow'>): number {
    this.calls.push('AvCmSetActiveWindow');
    this.ownerWindow = hwnd;
    return AVCMR_SUCCESS;
  }

  GetProcessHeap(): AvCmHandle {
    return this.processHeap;
  }

  HeapFree(...[heap, _flags, memory]: AvestArgs<'HeapFree'>): number {
    this.calls.push('HeapFree');
    if (heap !== this.processHeap || !this.heap.has(memory as HeapBlock)) return 0;
    this.heap.delete(memory as HeapBlock);
    return 1;
  }

  readMemory(...[pointer, length]: AvestArgs<'readMemory'>): Uint8Array {
    const block = pointer as HeapBlock;
    if (!this.heap.has(block)) throw new Error('read of freed or foreign memory');
    return block.bytes.slice(0, length);
  }
}

function asciizBytes(text: string): Uint8Array {
  return new Uint8Array([...text].map((c) => c.charCodeAt(0) & 0xff).concat(0));
}

function asciizText(bytes: Uint8Array): string {
  const end = bytes.indexOf(0);
  return String.fromCharCode(...(end === -1 ? bytes : bytes.subarray(0, end)));
}

/** The size-query pattern: null output → size only; a short buffer → AVCMR_BUFFER_TOO_SMALL. */
function copyOut(value: Uint8Array, output: Uint8Array | null, outputSize: Out<number>): number {
  if (output === null) {
    outputSize[0] = value.length;
    return AVCMR_SUCCESS;
  }
  if (output.length < value.length || outputSize[0] < value.length) {
    outputSize[0] = value.length;
    return AVCMR.BUFFER_TOO_SMALL;
  }
  output.set(value);
  outputSize[0] = value.length;
  return AVCMR_SUCCESS;
}

function validity(der: Uint8Array): { notBefore: Date; notAfter: Date } {
  const certificate = pkijs.Certificate.fromBER(new Uint8Array(der));
  return { notBefore: certificate.notBefore.value, notAfter: certificate.notAfter.value };
}
