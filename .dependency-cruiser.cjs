/**
 * Dependency rules of jamun, checked by `npm run depcruise` (part of `npm run lint`, so CI fails on a
 * violation and prints the offending import). Why each rule exists is in CONTRIBUTING.md.
 * The one rule a module graph cannot express (only src/config/env.ts reads process.env) stays in
 * tests/architecture/.
 */
/** Platform, database, scheduler and logging libraries: adapters' business, never the core's. */
const PLATFORM_PACKAGES =
  '(^|/)node_modules/(discord\.js|@discordjs|@slack|@prisma|prisma|better-sqlite3|node-cron|pino[^/]*|ws)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-no-platform-library',
      comment:
        'The core imports no platform, database, scheduler or logging library: adapters translate (GUIDE: src/core imports no discord.js, Bolt, Prisma or node-cron).',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: PLATFORM_PACKAGES },
    },
    {
      name: 'core-only-core',
      comment:
        'The core depends only on itself (its ports, model and pure helpers): never on adapters, configuration, the CLI, the demo or generated code.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^src/', pathNot: '^src/core/' },
    },
    {
      name: 'ports-only-model',
      comment:
        'Ports (interfaces to the outside) import only the model (model.ts, summary-model.ts): a port that depends on a feature turns the arrows around.',
      severity: 'error',
      from: { path: '^src/core/ports/' },
      to: { path: '^src/', pathNot: ['^src/core/model\\.ts$', '^src/core/summary-model\\.ts$', '^src/core/ports/'] },
    },
    {
      name: 'adapters-not-each-other',
      comment: 'An adapter never imports another adapter: shared logic belongs in the core, wiring in the CLI.',
      severity: 'error',
      from: { path: '^src/adapters/([^/]+)/' },
      to: { path: '^src/adapters/', pathNot: '^src/adapters/$1/' },
    },
    {
      name: 'nothing-imports-cli',
      comment: 'The CLI is the top of the graph: it wires everything, nothing wires it.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/cli/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'nothing-imports-demo',
      comment: 'The demo is an entry point run by `jamun demo`; only the CLI starts it.',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/demo/', '^src/cli/'] },
      to: { path: '^src/demo/' },
    },
    {
      name: 'src-not-to-tests',
      comment: 'Shipped code never imports tests or fakes.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^tests/' },
    },
    {
      name: 'src-not-to-dev-dependency',
      comment: 'Shipped code imports only runtime dependencies (a devDependency is absent with npm ci --omit=dev).',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/generated/' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-unlisted-package',
      comment: 'Every imported package is listed in package.json (no reliance on a transitive install).',
      severity: 'error',
      from: {},
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that resolves to nothing is a typo or a missing file.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'no-circular',
      comment: 'Import cycles make load order matter and hide layering mistakes.',
      severity: 'error',
      from: { pathNot: '^src/generated/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: ['node_modules', '^src/generated/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
