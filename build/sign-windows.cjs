// electron-builder custom Windows signing hook (win.signtoolOptions.sign), driven by environment variables
// so that no certificate or PIN lives in the repository (decision 011):
//   WIN_SIGN_COMMAND  the organisation's signing command; `{file}` is replaced by the file to sign,
//                     e.g. `signtool sign /fd sha256 /tr http://tsa.organisation.invalid /sha1 <thumbprint> {file}`
//   unset             the build stays unsigned (development), with a warning.
const { execFileSync } = require('node:child_process');

/** The argv of the signing command for one file (split on spaces; quote-free by design). */
function signCommand(template, file) {
  const parts = template.trim().split(/\s+/);
  if (!parts.some((p) => p.includes('{file}'))) parts.push('{file}');
  return parts.map((p) => p.replaceAll('{file}', file));
}

async function sign(configuration, env = process.env, run = execFileSync) {
  const template = env.WIN_SIGN_COMMAND;
  if (!template) {
    console.warn(`[sign-windows] WIN_SIGN_COMMAND is not set: ${configuration.path} stays unsigned`);
    return false;
  }
  const [command, ...args] = signCommand(template, configuration.path);
  run(command, args, { stdio: 'inherit' });
  return true;
}

module.exports = sign;
module.exports.default = sign;
module.exports.sign = sign;
module.exports.signCommand = signCommand;
