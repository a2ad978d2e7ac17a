// electron-builder afterPack hook: flips Electron's fuses on the packaged binary before it is signed
// (decision 011). Fuses are compile-time switches in the executable that no command line or environment
// variable can turn back on.
const path = require('node:path');

/**
 * The fuse wire for this product. Every fuse is set explicitly (strictlyRequireAllFuses) so a new
 * Electron with a new fuse fails the build instead of silently taking its default.
 */
function fuseConfig({ FuseVersion, FuseV1Options }) {
  return {
    version: FuseVersion.V1,
    strictlyRequireAllFuses: true,
    // ELECTRON_RUN_AS_NODE would turn the signed binary into a general-purpose Node.
    [FuseV1Options.RunAsNode]: false,
    // Cookies (sessions of the loopback host, none in Electron) encrypted with the OS key store.
    [FuseV1Options.EnableCookieEncryption]: true,
    // NODE_OPTIONS and --inspect would let anyone with a shortcut inject code into the main process.
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    // Needs the asar header hash embedded in the executable, which electron-builder does on macOS only;
    // Windows and Linux builds rely on the code signature and OnlyLoadAppFromAsar instead.
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: false,
    // Never load an app/ folder placed next to the asar.
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
    // The renderer is loaded from file:// (index.html with module scripts): keep file:// working.
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: true,
    [FuseV1Options.WasmTrapHandlers]: true,
  };
}

/** The Electron executable inside the packaged folder (electron-builder's own naming rules). */
function electronBinaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const ext = { darwin: '.app', mas: '.app', win32: '.exe', linux: '' }[electronPlatformName];
  if (ext === undefined) throw new Error(`Unknown platform ${electronPlatformName}`);
  const name = electronPlatformName === 'linux' ? packager.executableName : packager.appInfo.productFilename;
  return path.join(appOutDir, `${name}${ext}`);
}

/** The hook; `fuses` is injectable so tests check the wire without an Electron binary. */
async function afterPack(context, fuses) {
  const lib = fuses ?? (await import('@electron/fuses'));
  await lib.flipFuses(electronBinaryPath(context), fuseConfig(lib));
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.afterPack = afterPack;
module.exports.fuseConfig = fuseConfig;
module.exports.electronBinaryPath = electronBinaryPath;
