/**
 * The koffi declarations of avest-library.ts against a native stand-in of AvCryptMail.dll
 * (native/avcryptmail-shim.c, compiled here with the system C compiler): struct packing, out and
 * in/out parameters, the size-query pattern, AVCMF_ALLOC + HeapFree, cp1251 error texts — and the
 * worker thread: every call of a session on the thread that opened it (the shim, like AvCryptMail,
 * answers AVCMR_BAD_THREAD otherwise) while the event loop keeps running during a slow PIN dialog.
 * Skipped where no C compiler is available or on a non-x64 machine (the shim models the x64 ABI).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import koffi from 'koffi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AVCMR } from '../../../../electron/services/signing/providers/avest/avest-constants';
import { WorkerAvestHost } from '../../../../electron/services/signing/providers/avest/avest-host';
import {
  type AvestLibrary,
  bindAvestLibrary,
} from '../../../../electron/services/signing/providers/avest/avest-library';
import { runAvestRequest } from '../../../../electron/services/signing/providers/avest/avest-operations';
import { AvestProvider } from '../../../../electron/services/signing/providers/avest/avest-provider';
import { makeTestSigner } from '../../../unit/services/signing/providers/fakes/test-pki';

function compilerAvailable(): boolean {
  try {
    execFileSync('cc', ['--version'], { stdio: 'ignore' });
    return process.arch === 'x64' && process.platform !== 'win32';
  } catch {
    return false;
  }
}

const SIGNERS = [
  makeTestSigner({ surname: 'Иванов', name: 'Иван Иванович' }),
  makeTestSigner({ surname: 'Петрова', name: 'Анна Сергеевна' }),
];
const KEY_IDS = ['55531A211A734059B27A10304398FE9958F67F29', '0B7E23C4D1AA90E5F3C2B1A0998877665544332F'];

let dir = '';
let shim = '';
let lib: AvestLibrary;
let stats: () => { handles: number; heap: number; initialized: number; passwords: number; owner: number };
let configure: (delayMs: number, signFailure: number) => void;

describe.skipIf(!compilerAvailable())('AvCryptMail koffi binding (native stand-in)', () => {
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'avcm-shim-'));
    const bytes = (der: Uint8Array) => Array.from(der, (b) => `0x${b.toString(16)}`).join(',');
    writeFileSync(
      join(dir, 'shim-data.h'),
      [
        `#define SHIM_CERT_COUNT ${SIGNERS.length}`,
        ...SIGNERS.map((s, i) => `static const unsigned char shim_cert${i}[] = {${bytes(s.certificateDer)}};`),
        `static const unsigned char *shim_certs[] = {${SIGNERS.map((_, i) => `shim_cert${i}`).join(',')}};`,
        `static const size_t shim_cert_lens[] = {${SIGNERS.map((s) => s.certificateDer.length).join(',')}};`,
        `static const char *shim_key_ids[] = {${KEY_IDS.map((k) => JSON.stringify(k)).join(',')}};`,
      ].join('\n'),
    );
    shim = join(dir, 'avcryptmail-shim.so');
    const source = fileURLToPath(new URL('./native/avcryptmail-shim.c', import.meta.url));
    execFileSync('cc', ['-shared', '-fPIC', '-O1', '-pthread', '-Wall', `-I${dir}`, '-o', shim, source]);
    lib = bindAvestLibrary(koffi, shim, shim);
    const native = koffi.load(shim);
    const statsFn = native.func('void ShimStats(_Out_ int64_t *out)');
    const configureFn = native.func('void ShimConfigure(long delay, uint32_t failure)');
    stats = () => {
      const out = new BigInt64Array(5);
      statsFn(out);
      const [handles, heap, initialized, passwords, owner] = Array.from(out, Number);
      return {
        handles: handles ?? -1,
        heap: heap ?? -1,
        initialized: initialized ?? -1,
        passwords: passwords ?? -1,
        owner: owner ?? -1,
      };
    };
    configure = (delayMs, signFailure) => configureFn(delayMs, signFailure);
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('probes and lists the personal certificates through the packed structs and size queries', () => {
    expect(runAvestRequest(lib, { op: 'probe' })).toEqual({ ok: true, value: { certificates: 2 } });
    const listed = runAvestRequest(lib, { op: 'list' });
    expect(listed).toEqual({
      ok: true,
      value: SIGNERS.map((s, i) => ({ pubKeyId: KEY_IDS[i], der: s.certificateDer })),
    });
    expect(stats()).toMatchObject({ handles: 0, heap: 0, initialized: 0 });
  });

  it('signs with AVCMF_ALLOC, copies the buffer, frees it with HeapFree and closes everything', () => {
    const data = new Uint8Array([1, 2, 3, 4, 5]);
    const owner = 0x1_0002_0003; // an HWND above 2^32: AvCmLong is 64-bit on x64
    const outcome = runAvestRequest(lib, {
      op: 'sign',
      request: { pubKeyId: KEY_IDS[1] ?? '', data, ownerWindow: owner },
    });
    expect(outcome).toEqual({
      ok: true,
      value: { signedData: new Uint8Array([0x30, 1, 5, 4, 3, 2, 1]), certificateDer: SIGNERS[1]?.certificateDer },
    });
    expect(stats()).toEqual({ handles: 0, heap: 0, initialized: 0, passwords: 0, owner });
  });

  it('reads the library’s cp1251 error text and cleans up after a failure', () => {
    configure(0, AVCMR.BAD_PASSWORD);
    const outcome = runAvestRequest(lib, {
      op: 'sign',
      request: { pubKeyId: KEY_IDS[0] ?? '', data: new Uint8Array([9]) },
    });
    expect(outcome).toEqual({
      ok: false,
      failure: { kind: 'call', fn: 'AvCmSign', result: AVCMR.BAD_PASSWORD, libraryText: 'Пароль неверен' },
    });
    expect(
      runAvestRequest(lib, { op: 'sign', request: { pubKeyId: 'FFFF', data: new Uint8Array([9]) } }),
    ).toMatchObject({
      ok: false,
      failure: { kind: 'call', fn: 'AvCmLogin', result: AVCMR.CERT_NOT_FOUND },
    });
    expect(stats()).toMatchObject({ handles: 0, heap: 0, initialized: 0 });
  });

  it('runs every call on the AVEST worker thread without blocking the event loop', async () => {
    const host = new WorkerAvestHost({
      workerScript: new URL('../../../../electron/services/signing/providers/avest/avest-worker.ts', import.meta.url),
      dllPath: shim,
      kernel32Path: shim,
      platform: 'win32',
    });
    try {
      const provider = new AvestProvider({ host, platform: 'win32' });
      expect(await provider.detect()).toMatchObject({ available: true });
      const certificates = await provider.listCertificates();
      expect(certificates.map((c) => [c.id, c.subject])).toEqual([
        [KEY_IDS[0], 'Иванов Иван Иванович'],
        [KEY_IDS[1], 'Петрова Анна Сергеевна'],
      ]);
      configure(400, 0); // the clerk takes 400 ms in the PIN dialog
      let ticks = 0;
      const timer = setInterval(() => {
        ticks += 1;
      }, 10);
      const signed = await provider.signDetached(KEY_IDS[0] ?? '', new Uint8Array([7, 8]));
      clearInterval(timer);
      configure(0, 0);
      expect(signed).toEqual(new Uint8Array([0x30, 0, 8, 7]));
      expect(ticks).toBeGreaterThanOrEqual(10);
      expect(stats()).toMatchObject({ handles: 0, heap: 0, initialized: 0, passwords: 0 });
    } finally {
      await host.close();
    }
  });

  it('(control) a session used from another thread is refused, as AvCryptMail does', async () => {
    // Why the provider never uses koffi's `.async`: it runs calls on a thread pool.
    const native = koffi.load(shim);
    const login = native.func('uint32_t AvCmLogin(size_t count, void *params, _Out_ void **hc, uint64_t flags)');
    expect(lib.AvCmInit(1)).toBe(0);
    const hc: [unknown] = [null];
    const result = await new Promise<number>((resolve, reject) =>
      login.async(0, null, hc, 0x4, (error: unknown, value: number) => (error ? reject(error) : resolve(value))),
    );
    expect(result).toBe(0);
    expect(lib.AvCmLogout(hc[0] as object, 0)).toBe(AVCMR.BAD_THREAD);
    expect(lib.AvCmInit(2)).toBe(0);
  });
});
