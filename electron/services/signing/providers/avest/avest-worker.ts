/**
 * The AVEST thread (a worker_threads entry): loads AvCryptMail.dll with koffi once and runs every
 * request synchronously, in arrival order, on this one thread. A PIN dialog blocks only this thread.
 */

import { parentPort, workerData } from 'node:worker_threads';
import { type AvestLibrary, AvestLoadError, bindAvestLibrary, importKoffi, loadAvestLibrary } from './avest-library';
import { type AvestOutcome, type AvestRequest, runAvestRequest } from './avest-operations';

const { dllPath, kernel32Path } = workerData as { dllPath: string; kernel32Path?: string };
let library: Promise<AvestLibrary> | null = null;
let queue: Promise<void> = Promise.resolve();

async function handle(request: AvestRequest): Promise<AvestOutcome<unknown>> {
  // kernel32Path: a native stand-in library (tests on other systems); otherwise the real Windows load.
  library ??= kernel32Path
    ? importKoffi().then((koffi) => bindAvestLibrary(koffi, dllPath, kernel32Path))
    : loadAvestLibrary(dllPath);
  let lib: AvestLibrary;
  try {
    lib = await library;
  } catch (error) {
    library = null; // the next request tries again (e.g. after the client was installed)
    const reason = error instanceof AvestLoadError ? error.reason : 'load-failed';
    return {
      ok: false,
      failure: { kind: 'load', reason, message: error instanceof Error ? error.message : String(error) },
    };
  }
  return runAvestRequest(lib, request);
}

parentPort?.on('message', (message: { id: number; request: AvestRequest }) => {
  queue = queue.then(async () => {
    parentPort?.postMessage({ id: message.id, outcome: await handle(message.request) });
  });
});
