// dependency-cruiser rules for apps/api, built from boundaries.cjs (the module map). Run from apps/api:
//   npx depcruise src --config .dependency-cruiser.cjs
// CI runs them through scripts/check-boundaries.mjs, which adds the checks dependency-cruiser has no rule for
// (module-level cycles, Nest exports, table ownership in SQL, the generated docs).
const { modules, app } = require('./boundaries.cjs');

const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A regex matching a path list entry: a folder (ending in /) or one file. */
const pathRe = (p) => `^${esc(p)}${p.endsWith('/') ? '' : '$'}`;
const anyOf = (paths) => paths.map(pathRe);

const featureModules = Object.entries(modules).filter(([name]) => name !== 'common');
const publicFiles = featureModules.flatMap(([, m]) => (m.public === '*' ? m.paths : Object.keys(m.public)));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-module-internals',
      severity: 'error',
      comment:
        'Another module is used through its public files only: its Nest module file and the files listed in its `public` in apps/api/boundaries.cjs (exported services, models, its *.sql.ts). Make a file public there (with why), or call an exported service.',
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/', pathNot: ['^src/modules/$1/', ...publicFiles.map(pathRe)] },
    },
    ...featureModules.map(([name, m]) => ({
      name: `only-declared-modules-${name}`,
      severity: 'error',
      comment: `The ${name} module may use only ${Object.keys(m.uses).join(', ') || 'common'} (its \`uses\` in apps/api/boundaries.cjs, with why; docs/architecture.md#modules).`,
      from: { path: anyOf(m.paths) },
      to: {
        path: '^src/modules/',
        pathNot: [...anyOf(m.paths), ...Object.keys(m.uses).flatMap((u) => anyOf(modules[u].paths))],
      },
    })),
    {
      name: 'common-below-modules',
      severity: 'error',
      comment:
        'common/, config/ and database/ are the bottom layer: they import no feature module (depend on an abstraction in common, like ActorLookup, that the module provides).',
      from: { path: anyOf(modules.common.paths) },
      to: { path: ['^src/modules/', ...anyOf(app)] },
    },
    {
      name: 'nothing-imports-the-app',
      severity: 'error',
      comment: 'main.ts, app.module.ts and cli/ are the composition root and tooling: no module imports them.',
      from: { path: '^src/', pathNot: anyOf(app) },
      to: { path: anyOf(app) },
    },
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycle between files (module-level cycles: scripts/check-boundaries.mjs).',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.spec\\.ts$' },
    // type-only imports couple modules too
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    includeOnly: '^src/',
  },
};
