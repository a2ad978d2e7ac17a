/**
 * Where the AvCryptMail calls run. `WorkerAvestHost` (production) keeps one worker thread that loads
 * the library and makes every call, so the event loop never blocks on AVEST's PIN dialog and every
 * session stays on the thread that opened it. `InlineAvestHost` runs the same requests on the
 * calling thread against any `AvestLibrary` (the tests' fake), one at a time, with an optional pause
 * before each request (a user sitting in the PIN dialog).
 */

import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { type AvestLibrary, AvestLoadError, findAvestDll } from './avest-library';
import { type AvestOutcome, type AvestRequest, type AvestResults, runAvestRequest } from './avest-operations';

export interface AvestHost {
  run<K extends AvestRequest['op']>(request: Extract<AvestRequest, { op: K }>): Promise<AvestOutcome<AvestResults[K]>>;
  close(): Promise<void>;
}

function loadFailure(error: unknown): AvestOutcome<never> {
  if (error instanceof AvestLoadError)
    return { ok: false, failure: { kind: 'load', reason: error.reason, message: error.message } };
  const message = error instanceof Error ? error.message : String(error);
  return { ok: false, failure: { kind: 'load', reason: 'load-failed', message } };
}

export interface InlineAvestHostOptions {
  /** Awaited before each request runs: lets tests hold a request "in the PIN dialog". */
  beforeRequest?: (request: AvestRequest) => Promise<void>;
}

export class InlineAvestHost implements AvestHost {
  private library: AvestLibrary | null = null;
  private chain: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly load: () => Promise<AvestLibrary>,
    private readonly options: InlineAvestHostOptions = {},
  ) {}

  run<K extends AvestRequest['op']>(request: Extract<AvestRequest, { op: K }>): Promise<AvestOutcome<AvestResults[K]>> {
    const next = this.chain.then(async () => {
      await this.options.beforeRequest?.(request);
      try {
        this.library ??= await this.load();
      } catch (error) {
        return loadFailure(error);
      }
      return runAvestRequest(this.library, request) as AvestOutcome<AvestResults[K]>;
    });
    this.chain = next.catch(() => undefined);
    return next;
  }

  async close(): Promise<void> {
    await this.chain;
    this.library = null;
  }
}

interface Pending {
  resolve: (outcome: AvestOutcome<unknown>) => void;
}

export interface WorkerAvestHostOptions {
  /** The worker's script (`avest-worker.cjs` next to the bundle, or the .ts under tsx); resolved on first use. */
  workerScript: string | URL | (() => string | URL);
  /** AvCryptMail.dll to load (default: the first of `avestDllCandidates()` that exists). */
  dllPath?: string | null;
  /** `process.platform` by default. */
  platform?: string;
  /** Tests only: a native stand-in library that also exports GetProcessHeap/HeapFree. */
  kernel32Path?: string;
}

/**
 * A worker on `script`. A `.ts` script (development under tsx, tests) is started through tsx's ESM
 * loader registered inside the worker; the bundled `.cjs` is started directly.
 */
function spawnWorker(script: string | URL, workerData: unknown): Worker {
  const href = script instanceof URL ? script.href : script;
  if (!href.endsWith('.ts')) return new Worker(script, { workerData });
  const url = script instanceof URL ? script.href : pathToFileURL(script).href;
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url)}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}

/** One worker thread per host; requests queue in its message port and run one by one. */
export class WorkerAvestHost implements AvestHost {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(private readonly options: WorkerAvestHostOptions) {}

  run<K extends AvestRequest['op']>(request: Extract<AvestRequest, { op: K }>): Promise<AvestOutcome<AvestResults[K]>> {
    const dllPath = this.options.dllPath === undefined ? findAvestDll() : this.options.dllPath;
    if ((this.options.platform ?? process.platform) !== 'win32') {
      return Promise.resolve(loadFailure(new AvestLoadError('not-windows', 'AVEST works on Windows only')));
    }
    if (!dllPath) return Promise.resolve(loadFailure(new AvestLoadError('not-found', 'AvCryptMail.dll not found')));
    const worker = this.ensureWorker(dllPath);
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, { resolve: resolve as Pending['resolve'] });
      worker.ref();
      worker.postMessage({ id, request });
    });
  }

  private ensureWorker(dllPath: string): Worker {
    if (this.worker) return this.worker;
    const script = this.options.workerScript;
    const worker = spawnWorker(typeof script === 'function' ? script() : script, {
      dllPath,
      kernel32Path: this.options.kernel32Path,
    });
    worker.on('message', (message: { id: number; outcome: AvestOutcome<unknown> }) => {
      const entry = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (this.pending.size === 0) worker.unref();
      entry?.resolve(message.outcome);
    });
    const fail = (why: string) => {
      for (const entry of this.pending.values())
        entry.resolve({ ok: false, failure: { kind: 'internal', message: why } });
      this.pending.clear();
      if (this.worker === worker) this.worker = null;
    };
    worker.on('error', (error) => fail(`AVEST worker failed: ${error.message}`));
    worker.on('exit', (code) => fail(`AVEST worker exited with code ${code}`));
    worker.unref();
    this.worker = worker;
    return worker;
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }
}
