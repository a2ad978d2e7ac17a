import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { describe, expect, it } from 'vitest';
import { changelogSection } from '../../../electron/services/release/release-service';

// No Electron binary here (README "Limits"): the packaging configuration is checked the way electron-builder
// itself checks it — its own loader and the installed app-builder-lib's JSON schema (scheme.json) — and
// every file it names must exist. The hooks are exercised with fakes.
const require = createRequire(import.meta.url);
type Config = Record<string, unknown> & {
  files: { filter: string[] }[];
  asarUnpack: string[];
  afterPack: string;
  win: { icon: string; target: { target: string; arch: string[] }[]; signtoolOptions: { sign: string } };
  nsis: Record<string, unknown>;
  linux: { icon: string; target: string[] };
  publish: { provider: string; url: string }[];
  extraResources: { from: string }[];
};
const configModule = require('app-builder-lib/out/util/config/config') as {
  getConfig(dir: string, path: string | null, fromOptions: null): Promise<Config>;
  validateConfiguration(config: unknown, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
const root = process.cwd();
const load = () => configModule.getConfig(root, join(root, 'electron-builder.yml'), null);
const validate = (config: unknown) => configModule.validateConfiguration(config, new DebugLogger(false));

/** The sizes in an ICO directory (0 = 256). */
function decodeIcoSizes(ico: Buffer): number[] {
  return Array.from({ length: ico.readUInt16LE(4) }, (_, k) => ico.readUInt8(6 + k * 16) || 256);
}

type FuseLib = {
  FuseVersion: typeof FuseVersion;
  FuseV1Options: typeof FuseV1Options;
  flipFuses: (path: string, config: Record<string, unknown>) => Promise<number>;
};
const afterPackHook = require('../../../build/after-pack.cjs') as {
  afterPack(context: unknown, fuses: FuseLib): Promise<void>;
  electronBinaryPath(context: unknown): string;
};
const signHook = require('../../../build/sign-windows.cjs') as {
  sign(config: { path: string }, env: Record<string, string>, run: (c: string, a: string[]) => void): Promise<boolean>;
};

describe('electron-builder.yml', () => {
  it('is valid against the installed electron-builder schema', async () => {
    const config = await load();
    await expect(validate(config)).resolves.toBeUndefined();
  });

  it('the schema check does reject a wrong option (the validator is live)', async () => {
    const config = await load();
    await expect(validate({ ...config, nsis: { ...config.nsis, perUser: true } })).rejects.toThrow(
      /configuration\.nsis/,
    );
  });

  it('builds the installers the organisations need', async () => {
    const config = await load();
    expect(config.productName).toBe('АРМ делопроизводителя');
    expect(config.win.target.map((t) => [t.target, t.arch])).toEqual([
      ['nsis', ['x64']],
      ['zip', ['x64']],
    ]);
    // Per-user without administrator rights by default; per-machine offered (elevates) by the assisted installer.
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowElevation: true });
    expect(config.nsis.deleteAppDataOnUninstall).toBe(false);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.asar).toBe(true);
    expect(config.npmRebuild).toBe(true);
    // Updates come from the organisation's own server only (generic provider, no public host).
    expect(config.publish).toEqual([expect.objectContaining({ provider: 'generic' })]);
    expect(new URL(config.publish[0]!.url).hostname.endsWith('.invalid')).toBe(true);
  });

  it('unpacks the native modules and the AVEST worker from the asar, and ships them', async () => {
    const config = await load();
    for (const unpacked of [
      'node_modules/better-sqlite3/**',
      'node_modules/koffi/**',
      'dist/electron/avest-worker.cjs',
    ])
      expect(config.asarUnpack).toContain(unpacked);
    expect(config.files[0]!.filter).toContain('dist/electron/**');
    const build = readFileSync('scripts/build-electron.ts', 'utf8');
    expect(build).toContain('avest-worker.cjs');
    expect(build).toContain("'koffi'");
  });

  it('every file it references exists: icons, hooks, release notes', async () => {
    const config = await load();
    const referenced = [
      config.win.icon,
      config.nsis.installerIcon as string,
      config.nsis.uninstallerIcon as string,
      config.linux.icon,
      config.afterPack,
      config.win.signtoolOptions.sign,
      ...config.extraResources.map((r) => r.from),
    ];
    for (const file of referenced) expect(existsSync(join(root, file)), file).toBe(true);
    expect(decodeIcoSizes(readFileSync(join(root, config.win.icon)))).toContain(256);
    expect(existsSync(join(root, config.linux.icon, '512x512.png'))).toBe(true);
  });
});

describe('release notes', () => {
  it('CHANGELOG.md has a section for the version being packaged (shown after the update)', () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(changelogSection(readFileSync('CHANGELOG.md', 'utf8'), version)).toMatch(/^- /);
  });
});

describe('afterPack: Electron fuses', () => {
  const context = (platform: string) => ({
    appOutDir: '/out/app',
    electronPlatformName: platform,
    packager: { executableName: 'arm-appeals', appInfo: { productFilename: 'АРМ делопроизводителя' } },
  });

  it('flips the hardening fuses on the packaged executable', async () => {
    const flipped: { path: string; config: Record<string, unknown> }[] = [];
    const fake: FuseLib = {
      FuseVersion,
      FuseV1Options,
      flipFuses: async (path, config) => {
        flipped.push({ path, config });
        return 0;
      },
    };
    await afterPackHook.afterPack(context('linux'), fake);
    expect(flipped).toHaveLength(1);
    expect(flipped[0]!.path).toBe(join('/out/app', 'arm-appeals'));
    const config = flipped[0]!.config;
    expect(config.version).toBe(FuseVersion.V1);
    expect(config.strictlyRequireAllFuses).toBe(true);
    expect(config[FuseV1Options.RunAsNode]).toBe(false);
    expect(config[FuseV1Options.EnableCookieEncryption]).toBe(true);
    expect(config[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    expect(config[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(config[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    // strictlyRequireAllFuses: every fuse of this @electron/fuses version has a value.
    const numeric = Object.values(FuseV1Options).filter((v) => typeof v === 'number');
    for (const fuse of numeric) expect(typeof config[fuse], `fuse ${fuse}`).toBe('boolean');
  });

  it('names the Windows executable after the product', () => {
    expect(afterPackHook.electronBinaryPath(context('win32'))).toBe(join('/out/app', 'АРМ делопроизводителя.exe'));
    expect(() => afterPackHook.electronBinaryPath(context('beos'))).toThrow(/beos/);
  });
});

describe('Windows signing hook', () => {
  it('runs the organisation command from WIN_SIGN_COMMAND with the file', async () => {
    const runs: string[][] = [];
    const signed = await signHook.sign(
      { path: 'C:\\out\\setup.exe' },
      { WIN_SIGN_COMMAND: 'signtool sign /fd sha256 /sha1 ABCD {file}' },
      (command, args) => runs.push([command, ...args]),
    );
    expect(signed).toBe(true);
    expect(runs).toEqual([['signtool', 'sign', '/fd', 'sha256', '/sha1', 'ABCD', 'C:\\out\\setup.exe']]);
  });

  it('leaves the build unsigned when no command is configured', async () => {
    const runs: string[][] = [];
    expect(await signHook.sign({ path: 'a.exe' }, {}, (c, a) => runs.push([c, ...a]))).toBe(false);
    expect(runs).toEqual([]);
  });
});
