import { cpSync } from 'node:fs';
import { build } from 'esbuild';

/** Native modules stay in node_modules (asarUnpack in electron-builder.yml), never inside a bundle. */
export const NATIVE_EXTERNALS = ['electron', 'better-sqlite3', 'koffi', '@node-rs/argon2'];

/** Bundles the thin Electron shell (main + preload + the AVEST worker) to CommonJS next to the built renderer. */
export async function buildElectron(outDir = 'dist/electron'): Promise<void> {
  const common = {
    bundle: true,
    platform: 'node' as const,
    format: 'cjs' as const,
    target: 'node20',
    logLevel: 'warning' as const,
  };
  await build({
    ...common,
    entryPoints: ['electron/main-entry.ts'],
    outfile: `${outDir}/main.cjs`,
    external: NATIVE_EXTERNALS,
  });
  // The AVEST token library is called from its own worker thread (avest-host.ts); the packaged app finds
  // `avest-worker.cjs` beside main.cjs (provider-registry.ts), unpacked from the asar (electron-builder.yml).
  await build({
    ...common,
    entryPoints: ['electron/services/signing/providers/avest/avest-worker.ts'],
    outfile: `${outDir}/avest-worker.cjs`,
    external: NATIVE_EXTERNALS,
  });
  await build({
    ...common,
    entryPoints: ['electron/preload.ts'],
    outfile: `${outDir}/preload.cjs`,
    external: ['electron'],
  });
  cpSync('db/migrations', `${outDir}/migrations`, { recursive: true });
}

if (import.meta.url === `file://${process.argv[1]}`) await buildElectron();
