/**
 * Import rules of the layout (design.md, "Layout"): each folder says where its code may run.
 * Checked by `npm run imports` inside `npm test`.
 */
const NODE_BUILTINS = '^(node:|fs$|path$|os$|crypto$|http$|child_process$|net$|url$|util$|stream$)';

module.exports = {
  forbidden: [
    {
      name: 'shared-is-pure',
      comment: 'shared/ is pure TypeScript: nothing outside shared/, no Node built-ins, no Electron',
      severity: 'error',
      from: { path: '^shared/' },
      to: { pathNot: ['^shared/', '^node_modules/(zod|@noble/hashes)/'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'shared-no-node',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: NODE_BUILTINS },
    },
    {
      name: 'db-only-shared',
      comment: 'db/ may import shared/ and its libraries, never services, hosts, renderer or server',
      severity: 'error',
      from: { path: '^db/' },
      to: { path: '^(electron|renderer|server)/' },
    },
    {
      name: 'services-no-electron',
      comment: 'electron/services run in plain Node: never import electron or the hosts',
      severity: 'error',
      from: { path: '^electron/services/' },
      to: { path: ['^electron/(host|main|preload)', '^node_modules/electron/', '^electron$', 'electron-fallback'] },
    },
    {
      name: 'only-main-and-preload-import-electron',
      severity: 'error',
      from: { path: '^(shared|db|renderer|server|electron/(host|services|cli))/' },
      to: { path: ['^node_modules/electron/', '^electron$', 'electron-fallback'] },
    },
    {
      name: 'renderer-only-shared',
      comment: 'the renderer talks to the services only through the typed api client',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: ['^(db|electron|server)/', NODE_BUILTINS] },
    },
    {
      name: 'server-only-shared',
      severity: 'error',
      from: { path: '^server/' },
      to: { path: '^(db|electron|renderer)/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    exclude: { path: '(^|/)(dist|test|bench)/' },
  },
};
