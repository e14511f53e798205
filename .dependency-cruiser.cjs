/**
 * The import rules of DESIGN.md ("Layout") as dependency-cruiser rules. `server/testing/import-rules.test.ts`
 * runs them on the real tree (`npm test`) and on a small fixture tree with one violation per rule, so a rule that
 * stops matching fails too. Paths are relative to the folder cruised from (the project root).
 *
 *   npx depcruise --config .dependency-cruiser.cjs server web/src bench e2e     (the same check, by hand)
 */

/** Tests and their support files. */
const testFile = ['\\.test\\.tsx?$', '\\.test-support\\.ts$'];

/** Where SQL may be written: stores, SQL helpers, the database platform, the schema, tests and benchmarks. */
const mayUseTheDatabase = [
  '\\.store\\.ts$',
  '\\.sql\\.ts$',
  '^server/platform/db/',
  '^server/db/',
  '\\.test\\.tsx?$',
  '\\.test-support\\.ts$',
  '^server/testing/',
  '^bench/',
  // HTTP schemas read the column enumerations (caseStatuses, …) so the API accepts what the database stores;
  // they declare shapes and run nothing. A table imported into one would still be caught by code review and
  // by the `.db.`/`.execute(` check of the import-rule test.
  '\\.schema\\.ts$',
];

/** The web app's composition root: the one place under web/src/app/ that names the module list. */

module.exports = {
  forbidden: [
    {
      name: 'platform-imports-module',
      comment: 'Platform code never imports a module: it is handed the manifests (server/modules/index.ts).',
      severity: 'error',
      from: { path: '^server/platform/', pathNot: testFile },
      to: { path: '^server/modules/' },
    },
    {
      name: 'platform-test-imports-module',
      comment:
        'A platform test imports no module, not even the list: it is handed the manifests (adoptedManifests()); ' +
        'a platform test that needs one module is testing that module, and belongs beside it.',
      severity: 'error',
      from: { path: testFile.map((pattern) => `^server/platform/.*${pattern}`) },
      to: { path: '^server/modules/' },
    },
    {
      name: 'module-internals',
      comment: "A module imports another module only through that module's published api.ts.",
      severity: 'error',
      from: { path: '^server/modules/([^/]+)/' },
      // The module list (server/modules/index.ts) is the composition root, not a module: tests build the app from
      // it; code that is not a test would close a cycle through it, which no-cycles reports.
      to: {
        path: '^server/modules/',
        pathNot: ['^server/modules/$1/', '^server/modules/[^/]+/api\\.ts$', '^server/modules/index\\.ts$'],
      },
    },
    {
      name: 'database-outside-store',
      comment: 'Database access (drizzle-orm, the schema tables) only in *.store.ts / *.sql.ts; type imports are fine.',
      severity: 'error',
      from: { pathNot: mayUseTheDatabase },
      to: {
        path: ['^server/db/schema/', '(^|/)node_modules/drizzle-orm/'],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'no-cycles',
      comment: 'No import cycles, type imports included: a cycle means two files are one concern, or a layer leaks.',
      severity: 'error',
      from: { path: '^(server|rules|web/src)/' },
      to: { circular: true },
    },
    {
      name: 'web-app-names-module',
      comment: 'web/src/app/ knows no module by name: web/src/main.tsx hands it the module list (installModules).',
      severity: 'error',
      from: { path: '^web/src/app/', pathNot: '\\.test\\.tsx?$' },
      to: { path: '^web/src/modules/' },
    },
    {
      name: 'server-imports-web',
      comment: 'The server never imports the web app (web/src/api/schema.gen.ts is written from the server, not imported).',
      severity: 'error',
      from: { path: '^server/' },
      to: { path: '^web/' },
    },
    {
      name: 'rules-import-only-rules',
      comment:
        'rules/ holds the pure rules the server and the web both apply (address text, …): it imports only rules/, ' +
        'no server or web code and no package, so it runs the same in Node and in the browser. Its tests may use ' +
        'test libraries.',
      severity: 'error',
      from: { path: '^rules/', pathNot: testFile },
      to: { pathNot: '^rules/' },
    },
    {
      name: 'web-imports-server',
      comment: 'The web app never imports server code: server types reach it through web/src/api/schema.gen.ts.',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^server/' },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    // node_modules stay in the graph as leaves (doNotFollow) so the drizzle-orm rule can see them.
    exclude: { path: '\\.gen\\.ts$|^server/testing/import-rules-fixture/' },
    enhancedResolveOptions: {
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
    moduleSystems: ['es6', 'cjs'],
  },
};
