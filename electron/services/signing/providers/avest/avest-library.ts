/**
 * The export table of AVEST's AvCryptMail.dll that the provider uses, as an interface (`AvestLibrary`)
 * and its koffi binding (`loadAvestLibrary`). Prototypes follow `AvCryptMail.h` 2.23.3:
 *
 *   #define AVCM_FUNCTION __declspec(dllimport) AvCmResult __stdcall
 *   typedef unsigned long AvCmResult;                 // 32 bits on Windows x86 and x64
 *   typedef unsigned long / unsigned long long AvCmLong;  // x86 / x64 (`#if _M_X64`)
 *   typedef size_t AvCmSize;  typedef void* AvCmHandle (AvCmHc, AvCmHcert, AvCmHenum …)
 *   #pragma pack(1) struct AvCmConnectionParam { AvCmLong param_id; const void* param; };
 *   #pragma pack(1) struct AvCmEnumGetParam { AvCmLong param_id; const void* param_spec; const void* param; };
 *
 * The interface keeps koffi's calling convention so the fake and the binding are interchangeable:
 * out-parameters are one-element arrays the call fills (`[null]`, `[0]`), input buffers are
 * Uint8Arrays, handles are opaque objects. The one deviation from the C prototypes: a `const void*`
 * struct member is given as the bytes it points to (an ASCIIZ string or a little-endian DWORD); the
 * binding copies them to native memory for the duration of the call.
 *
 * Calls are synchronous and must all happen on one thread: AvCryptMail binds a session to the thread
 * that opened it (AVCMR_BAD_THREAD, «попытка обратиться к сессии, созданной в одном потоке, из
 * другого потока»). The provider therefore runs them on one dedicated worker thread (avest-worker.ts),
 * never through koffi's `.async` (a thread pool).
 */

import { existsSync } from 'node:fs';
import { win32 } from 'node:path';

/** An opaque AvCryptMail or Win32 pointer (a koffi external, or the fake's object). Never inspected. */
export type AvCmHandle = object;
/** koffi's out-parameter: a one-element array that the call fills. */
export type Out<T> = [T];

export interface AvCmConnectionParam {
  param_id: number;
  /** The bytes `param` points to, or null. */
  param: Uint8Array | null;
}

export interface AvCmEnumGetParam {
  param_id: number;
  param_spec: Uint8Array | null;
  param: Uint8Array | null;
}

export interface AvestLibrary {
  /** AvCmResult AvCmInit(AvCmLong flags) — AVCMF_STARTUP / AVCMF_SHUTDOWN. */
  AvCmInit(flags: number): number;
  /** AvCmResult AvCmLogin(AvCmSize count, const AvCmConnectionParam* params, AvCmHc* hc, AvCmLong flags). */
  AvCmLogin(count: number, params: AvCmConnectionParam[] | null, hc: Out<AvCmHandle | null>, flags: number): number;
  /** AvCmResult AvCmLogout(AvCmHc hc, AvCmLong flags). */
  AvCmLogout(hc: AvCmHandle, flags: number): number;
  /**
   * AvCmResult AvCmGetObjectInfo(AvCmHandle handle, AvCmLong param_id, void* output_buffer,
   * AvCmSize* output_size, AvCmLong flags) — declared for AVCM_MY_CERT only, where the output buffer
   * receives an AvCmHcert (so it is bound as `AvCmHandle*`) and `*output_size` is sizeof(void*).
   */
  AvCmGetObjectInfo(
    handle: AvCmHandle,
    paramId: number,
    output: Out<AvCmHandle | null>,
    outputSize: Out<number>,
    flags: number,
  ): number;
  /** AvCmResult AvCmOpenCertEnum(AvCmHc hc, AvCmSize count, const AvCmEnumGetParam* params, AvCmHcertEnum* henum, AvCmLong flags). */
  AvCmOpenCertEnum(
    hc: AvCmHandle,
    count: number,
    params: AvCmEnumGetParam[],
    henum: Out<AvCmHandle | null>,
    flags: number,
  ): number;
  /** AvCmResult AvCmEnumGet(AvCmHenum henum, AvCmHandle* handle, AvCmLong flags) — AVCMF_START, then AVCMF_NEXT until AVCMR_NOT_FOUND. */
  AvCmEnumGet(henum: AvCmHandle, handle: Out<AvCmHandle | null>, flags: number): number;
  /**
   * AvCmResult AvCmGetCertAttr(AvCmHandle handle, AvCmLong attr_id, const void* attr_param,
   * void* output_buffer, AvCmSize* output_size, AvCmLong flags). With `output` null the call only
   * stores the needed size (the headers' two-call pattern).
   */
  AvCmGetCertAttr(
    handle: AvCmHandle,
    attrId: number,
    attrParam: Uint8Array | null,
    output: Uint8Array | null,
    outputSize: Out<number>,
    flags: number,
  ): number;
  /**
   * AvCmResult AvCmSign(AvCmHc hc, const void* input_message, AvCmSize input_size, void* output_buffer,
   * AvCmSize* output_size, AvCmLong flags) — used with AVCMF_ALLOC: `output_buffer` is then a `void**`
   * that receives a HeapAlloc'ed block, freed with HeapFree(GetProcessHeap(), 0, p).
   */
  AvCmSign(
    hc: AvCmHandle,
    input: Uint8Array,
    inputSize: number,
    output: Out<AvCmHandle | null>,
    outputSize: Out<number>,
    flags: number,
  ): number;
  /** AvCmResult AvCmCloseHandle(AvCmHandle handle, AvCmLong flags). */
  AvCmCloseHandle(handle: AvCmHandle, flags: number): number;
  /**
   * AvCmResult AvCmGetErrorInfo(AvCmHc hc, AvCmResult error_code, AvCmLong param_id, void* output_buffer,
   * AvCmSize* output_size, AvCmLong flags) — AVCM_SHORT_STRING gives the library's ANSI (cp1251) text.
   */
  AvCmGetErrorInfo(
    hc: AvCmHandle | null,
    errorCode: number,
    paramId: number,
    output: Uint8Array | null,
    outputSize: Out<number>,
    flags: number,
  ): number;
  /** AvCmResult AvCmSetActiveWindow(AvCmLong hwnd, AvCmLong flags): the owner window of AVEST's dialogs. */
  AvCmSetActiveWindow(hwnd: number, flags: number): number;

  /** kernel32: HANDLE GetProcessHeap(void). */
  GetProcessHeap(): AvCmHandle;
  /** kernel32: BOOL HeapFree(HANDLE heap, DWORD flags, LPVOID mem) — nonzero on success. */
  HeapFree(heap: AvCmHandle, flags: number, memory: AvCmHandle): number;
  /** Copies `length` bytes at a native pointer (koffi.decode); not an export. */
  readMemory(pointer: AvCmHandle, length: number): Uint8Array;
}

/**
 * The arguments of an export, declared once above: the koffi binding and the test fake take their
 * parameter lists from here, so neither can drift from the interface.
 */
export type AvestArgs<K extends keyof AvestLibrary> = Parameters<AvestLibrary[K]>;

/** Why the library could not be loaded: the provider reports CLIENT_NOT_INSTALLED with this reason. */
export class AvestLoadError extends Error {
  constructor(
    readonly reason: 'not-windows' | 'not-found' | 'wrong-architecture' | 'load-failed',
    message: string,
  ) {
    super(message);
    this.name = 'AvestLoadError';
  }
}

export const AVEST_DLL_NAME = 'AvCryptMail.dll';

/**
 * Where «Комплект абонента» installs AvCryptMail.dll. Not documented publicly: the folders are the
 * ones integrators hard-code (`C:\Program Files (x86)\Avest\AvPCM_nces` in DigitalSigning.Av) and the
 * other AvPCM editions; x64 processes need the 64-bit library (AvCryptMail64.def: also named
 * AvCryptMail.DLL) under Program Files, x86 the 32-bit one under Program Files (x86).
 */
export function avestDllCandidates(env: NodeJS.ProcessEnv = process.env, arch: string = process.arch): string[] {
  const explicit = env.AVEST_CRYPTMAIL_DLL;
  const programFiles =
    arch === 'ia32'
      ? [env['ProgramFiles(x86)'], env.ProgramFiles, 'C:\\Program Files (x86)']
      : [env.ProgramW6432, env.ProgramFiles, 'C:\\Program Files'];
  const editions = ['AvPCM_nces', 'AvPCM_MNS', 'AvPCM'];
  const candidates: string[] = [];
  if (explicit) candidates.push(explicit);
  for (const base of programFiles) {
    if (!base) continue;
    for (const edition of editions) candidates.push(win32.join(base, 'Avest', edition, AVEST_DLL_NAME));
  }
  return [...new Set(candidates)];
}

/** The first candidate that exists on disk, or null. */
export function findAvestDll(candidates: string[] = avestDllCandidates()): string | null {
  return candidates.find((path) => existsSync(path)) ?? null;
}

type KoffiModule = typeof import('koffi');

/** koffi, imported dynamically (not a literal specifier) so bundlers never inline the native module. */
export async function importKoffi(): Promise<KoffiModule> {
  const moduleName = 'koffi';
  const loaded = (await import(moduleName)) as { default?: KoffiModule } & KoffiModule;
  return loaded.default ?? loaded;
}

/**
 * Binds AvCryptMail.dll with koffi. Must be called on the thread that will make every call (the AVEST
 * worker).
 */
export async function loadAvestLibrary(dllPath: string, platform: string = process.platform): Promise<AvestLibrary> {
  if (platform !== 'win32') throw new AvestLoadError('not-windows', 'AVEST works on Windows only');
  if (!existsSync(dllPath)) throw new AvestLoadError('not-found', `${dllPath} not found`);
  return bindAvestLibrary(await importKoffi(), dllPath);
}

/** The koffi declarations; exported for the binding test against a native stand-in library. */
export function bindAvestLibrary(koffi: KoffiModule, dllPath: string, kernel32Path = 'kernel32.dll'): AvestLibrary {
  const kernel32 = koffi.load(kernel32Path);
  const is64 = process.arch === 'x64' || process.arch === 'arm64';
  const avCmLong = is64 ? 'uint64_t' : 'uint32_t';
  // Dependent DLLs (AvCSP, the token drivers' PKCS#11 modules) live next to AvCryptMail.dll: put that
  // folder on the DLL search path first, as integrators do (SetDllDirectory in DigitalSigning.Av).
  if (kernel32Path === 'kernel32.dll') {
    const setDllDirectory = kernel32.func('int __stdcall SetDllDirectoryW(const char16_t *path)');
    setDllDirectory(win32.dirname(dllPath));
  }
  let lib: ReturnType<KoffiModule['load']>;
  try {
    lib = koffi.load(dllPath);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // ERROR_BAD_EXE_FORMAT (193): a 32-bit library in a 64-bit process or the reverse.
    const reason = /193|not a valid Win32|bad exe format/i.test(message) ? 'wrong-architecture' : 'load-failed';
    throw new AvestLoadError(reason, message);
  }

  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  const HANDLE = koffi.pointer(koffi.opaque(`AvCmObject_${id}`));
  const ConnectionParam = koffi.pack(`AvCmConnectionParam_${id}`, { param_id: avCmLong, param: 'void *' });
  const EnumGetParam = koffi.pack(`AvCmEnumGetParam_${id}`, {
    param_id: avCmLong,
    param_spec: 'void *',
    param: 'void *',
  });
  const HANDLE_OUT = koffi.out(koffi.pointer(HANDLE));
  const SIZE_INOUT = koffi.inout(koffi.pointer('size_t'));
  const result = 'uint32_t';
  const fn = (name: string, args: unknown[]) => lib.func('__stdcall', name, result, args as never[]);

  const init = fn('AvCmInit', [avCmLong]);
  const login = fn('AvCmLogin', ['size_t', koffi.pointer(ConnectionParam), HANDLE_OUT, avCmLong]);
  const logout = fn('AvCmLogout', [HANDLE, avCmLong]);
  const getObjectInfo = fn('AvCmGetObjectInfo', [HANDLE, avCmLong, HANDLE_OUT, SIZE_INOUT, avCmLong]);
  const openCertEnum = fn('AvCmOpenCertEnum', [HANDLE, 'size_t', koffi.pointer(EnumGetParam), HANDLE_OUT, avCmLong]);
  const enumGet = fn('AvCmEnumGet', [HANDLE, HANDLE_OUT, avCmLong]);
  const getCertAttr = fn('AvCmGetCertAttr', [HANDLE, avCmLong, 'const void *', 'void *', SIZE_INOUT, avCmLong]);
  const sign = fn('AvCmSign', [HANDLE, 'const void *', 'size_t', HANDLE_OUT, SIZE_INOUT, avCmLong]);
  const closeHandle = fn('AvCmCloseHandle', [HANDLE, avCmLong]);
  const getErrorInfo = fn('AvCmGetErrorInfo', [HANDLE, result, avCmLong, 'void *', SIZE_INOUT, avCmLong]);
  const setActiveWindow = fn('AvCmSetActiveWindow', [avCmLong, avCmLong]);
  const getProcessHeap = kernel32.func('__stdcall', 'GetProcessHeap', HANDLE, []);
  const heapFree = kernel32.func('__stdcall', 'HeapFree', 'int', [HANDLE, 'uint32_t', HANDLE]);

  const bound: KoffiFunctions = {
    init,
    login,
    logout,
    getObjectInfo,
    openCertEnum,
    enumGet,
    getCertAttr,
    sign,
    closeHandle,
    getErrorInfo,
    setActiveWindow,
    getProcessHeap,
    heapFree,
  };
  return new KoffiAvestLibrary(koffi, bound);
}

// biome-ignore lint/suspicious/noExplicitAny: koffi's function objects take and return untyped values
type KoffiFunction = (...args: any[]) => unknown;
type KoffiFunctions = Record<
  | 'init'
  | 'login'
  | 'logout'
  | 'getObjectInfo'
  | 'openCertEnum'
  | 'enumGet'
  | 'getCertAttr'
  | 'sign'
  | 'closeHandle'
  | 'getErrorInfo'
  | 'setActiveWindow'
  | 'getProcessHeap'
  | 'heapFree',
  KoffiFunction
>;

/** The export table over koffi functions; struct members that point to data get native copies. */
class KoffiAvestLibrary implements AvestLibrary {
  constructor(
    private readonly koffi: KoffiModule,
    private readonly fn: KoffiFunctions,
  ) {}

  /** Copies the bytes a `const void*` member points to into native memory, freed after the call. */
  private withNative<T>(arrays: Array<Uint8Array | null>, call: (pointers: unknown[]) => T): T {
    const pointers = arrays.map((bytes) => {
      if (bytes === null || bytes.length === 0) return null;
      const memory = this.koffi.alloc('uint8_t', bytes.length);
      this.koffi.encode(memory, 'uint8_t', Array.from(bytes), bytes.length);
      return memory;
    });
    try {
      return call(pointers);
    } finally {
      for (const pointer of pointers) if (pointer !== null) this.koffi.free(pointer);
    }
  }

  AvCmInit(...args: AvestArgs<'AvCmInit'>): number {
    return this.fn.init(...args) as number;
  }

  AvCmLogin(...[count, params, hc, flags]: AvestArgs<'AvCmLogin'>): number {
    return this.withNative(
      (params ?? []).map((p) => p.param),
      (pointers) =>
        this.fn.login(
          count,
          params === null ? null : params.map((p, i) => ({ param_id: p.param_id, param: pointers[i] })),
          hc,
          flags,
        ) as number,
    );
  }

  AvCmLogout(...args: AvestArgs<'AvCmLogout'>): number {
    return this.fn.logout(...args) as number;
  }

  AvCmGetObjectInfo(...args: AvestArgs<'AvCmGetObjectInfo'>): number {
    return this.fn.getObjectInfo(...args) as number;
  }

  AvCmOpenCertEnum(...[hc, count, params, henum, flags]: AvestArgs<'AvCmOpenCertEnum'>): number {
    return this.withNative(
      params.flatMap((p) => [p.param_spec, p.param]),
      (pointers) =>
        this.fn.openCertEnum(
          hc,
          count,
          params.map((p, i) => ({ param_id: p.param_id, param_spec: pointers[2 * i], param: pointers[2 * i + 1] })),
          henum,
          flags,
        ) as number,
    );
  }

  AvCmEnumGet(...args: AvestArgs<'AvCmEnumGet'>): number {
    return this.fn.enumGet(...args) as number;
  }

  AvCmGetCertAttr(...args: AvestArgs<'AvCmGetCertAttr'>): number {
    return this.fn.getCertAttr(...args) as number;
  }

  AvCmSign(...args: AvestArgs<'AvCmSign'>): number {
    return this.fn.sign(...args) as number;
  }

  AvCmCloseHandle(...args: AvestArgs<'AvCmCloseHandle'>): number {
    return this.fn.closeHandle(...args) as number;
  }

  AvCmGetErrorInfo(...[hc, errorCode, ...rest]: AvestArgs<'AvCmGetErrorInfo'>): number {
    return this.fn.getErrorInfo(hc, errorCode >>> 0, ...rest) as number;
  }

  AvCmSetActiveWindow(...args: AvestArgs<'AvCmSetActiveWindow'>): number {
    return this.fn.setActiveWindow(...args) as number;
  }

  GetProcessHeap(): AvCmHandle {
    return this.fn.getProcessHeap() as AvCmHandle;
  }

  HeapFree(...args: AvestArgs<'HeapFree'>): number {
    return this.fn.heapFree(...args) as number;
  }

  readMemory(...[pointer, length]: AvestArgs<'readMemory'>): Uint8Array {
    if (length === 0) return new Uint8Array(0);
    return Uint8Array.from(this.koffi.decode(pointer, 'uint8_t', length) as number[]);
  }
}
