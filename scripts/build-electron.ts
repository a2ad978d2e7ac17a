import { cpSync } from 'node:fs';
import { build } from 'esbuild';

/** Bundles the thin Electron shell (main + preload) to CommonJS next to the built renderer. */
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
    external: ['electron', 'better-sqlite3', '@node-rs/argon2'],
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
