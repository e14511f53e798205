import { Type } from 'typebox';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { readConfig } from '../../config.ts';
import { adoptedManifests } from './adopt.ts';
import { useTestDatabase } from '../../testing/test-database.ts';
import { type RouteAccess, routeAccessTable } from '../access/access.ts';
import { systemClock } from '../context.ts';
import type { ModuleManifest } from '../module.ts';
import { testKeyring } from '../pii/keyring.ts';
import { effectiveBuiltinRoles } from '../auth/roles.seed.ts';
import {
  declaredPermissions,
  documentKindProblems,
  figureProblems,
  manifestProblems,
  messageProblems,
  personalDataProblems,
  routePermissionProblems,
  unknownPermissionProblems,
} from './manifest-check.ts';

/** The app's manifests, as the test setup adopted them (a platform test is handed the list, never imports it). */
const appModules = adoptedManifests();

/** The routes an app built from these manifests has, beyond the ones app.ts registers itself (system, docs). */
function useRouteTables() {
  const db = useTestDatabase();
  const build = async (modules: readonly ModuleManifest[]) => {
    const deps = { config: readConfig({ NODE_ENV: 'test' }), database: db.database, clock: systemClock };
    const app = await buildApp({ ...deps, keyring: testKeyring() }, { logger: false, serveWeb: false, modules });
    await app.ready();
    const table = routeAccessTable(app);
    await app.close();
    return table;
  };
  const tables = new Map<string, readonly RouteAccess[]>();
  beforeAll(async () => {
    const baseline = new Set((await build([])).map((route) => `${route.method} ${route.url}`));
    for (const manifest of appModules) {
      const own = (await build([manifest])).filter((route) => !baseline.has(`${route.method} ${route.url}`));
      tables.set(manifest.key, own);
    }
  }, 120_000);
  return (key: string) => tables.get(key) ?? [];
}

describe('every manifest of the app', () => {
  const routesOf = useRouteTables();

  it.each(appModules.map((manifest) => [manifest.key, manifest] as const))('%s is consistent', (_key, manifest) => {
    expect(manifestProblems(manifest, appModules, routesOf(manifest.key))).toEqual([]);
  });

  it('registers routes for the manifests that list registrars (the route tables are not empty by accident)', () => {
    for (const manifest of appModules.filter((m) => (m.routes ?? []).length > 0))
      expect(routesOf(manifest.key).length, manifest.key).toBeGreaterThan(0);
  });

  it('declares, with labels, every permission a built-in role holds', () => {
    const known = declaredPermissions(appModules);
    const held = effectiveBuiltinRoles(appModules).flatMap((role) => role.permissions);
    expect(held.filter((permission) => !known.has(permission))).toEqual([]);
  });

  it('offers figures with unique keys, names, definitions and units in both languages', () => {
    expect(figureProblems(appModules)).toEqual([]);
    expect(appModules.flatMap((m) => m.figures ?? []).length).toBeGreaterThan(0);
  });

  it('keys are unique', () => {
    const keys = appModules.map((manifest) => manifest.key);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

/** A small module that gets everything wrong once. */
const broken: ModuleManifest = {
  key: 'parks',
  permissions: [
    { key: 'parks.read', zh: '查看公园', en: 'Read parks' },
    { key: 'parks.read', zh: '查看公园', en: 'Read parks' },
    { key: 'parks.manage', zh: '管理公园', en: '' },
  ],
  grants: { coordinator: ['parks.read', 'parks.invent'] },
  integrationPermissions: ['parks.feed'],
  separation: [
    {
      step: 'parks.approve',
      maker: 'parks.manage',
      checker: 'parks.approve',
      makerLabel: 'parks.a',
      checkerLabel: 'x',
    },
  ],
  messages: [
    {
      zh: { 'parks.a': '甲', 'parks.only_zh': '只有中文', 'parks.blank': '空' },
      en: { 'parks.a': 'A', 'parks.blank': ' ', 'parks.only_en': 'B' },
    },
  ],
  personalData: {
    fields: [],
    notPersonal: [
      { table: 'parks_bench', column: 'name', reason: '长椅的名称，不是人名' },
      { table: 'cases_case', column: 'address', reason: '别的模块的表' },
    ],
  },
  events: { emits: [{ name: 'parks.opened', description: { zh: '开放', en: 'Opened' }, payload: Type.Object({}) }] },
  figures: [
    {
      key: 'parks.count',
      zh: '公园数',
      en: 'Parks',
      unit: { zh: '个', en: '' },
      definition: { zh: '', en: 'Parks open in the period' },
      compute: async () => 0,
    },
  ],
};

describe('a broken manifest', () => {
  it('is told about duplicate and unlabelled permissions', () => {
    expect(manifestProblems(broken, [broken], [])).toEqual(
      expect.arrayContaining([
        'permission parks.read is declared twice',
        'permission parks.manage needs a zh and an en label',
      ]),
    );
  });

  it('is told about a route permission it does not declare', () => {
    const routes: RouteAccess[] = [
      { method: 'GET', url: '/api/parks', access: { permission: 'parks.read' } },
      { method: 'POST', url: '/api/parks', access: { permission: 'parks.create' } },
      { method: 'GET', url: '/api/parks/map', access: 'public' },
    ];
    expect(routePermissionProblems(broken, routes)).toEqual([
      'POST /api/parks checks parks.create, which parks does not declare',
    ]);
  });

  it('is told about grants, key permissions and maker/checker sides no manifest declares', () => {
    expect(unknownPermissionProblems(broken, declaredPermissions([broken]))).toEqual([
      'parks.invent (granted to coordinator) is declared by no manifest',
      'parks.feed (offered to keys) is declared by no manifest',
      'parks.approve (checker of parks.approve) is declared by no manifest',
    ]);
  });

  it('is told about messages missing or empty in a language, and maker/checker labels it does not have', () => {
    expect(messageProblems(broken)).toEqual([
      'message parks.only_zh has no en text',
      'message parks.only_en has no zh text',
      'message parks.only_zh is empty in a language',
      'message parks.blank is empty in a language',
      "maker/checker label x is not among parks's messages",
    ]);
  });

  it('is told about document kinds misnamed, twice, untitled, or checking permissions it does not declare', () => {
    const kind = {
      key: 'parks.permit',
      title: { zh: '许可证', en: '' },
      issuePermission: 'parks.read',
      revokePermission: 'parks.revoke',
      subjectType: 'park',
      load: async () => ({}),
      template: async () => ({ title: '许可证', sections: [] }),
      issuer: async () => ({ organ: '演示机关', department: null }),
      publicFields: [{ label: { zh: '编号', en: '' }, value: () => '1' }],
    };
    const parks = { key: 'parks', permissions: [{ key: 'parks.read', zh: '查看', en: 'Read' }] };
    expect(documentKindProblems({ ...parks, documents: [kind, kind, { ...kind, key: 'cases.Permit' }] })).toEqual([
      'document kind parks.permit needs a zh and an en title',
      'document kind parks.permit checks parks.revoke, undeclared',
      'document kind parks.permit has a public field without a zh and an en label',
      'document kind parks.permit is declared twice',
      'document kind parks.permit needs a zh and an en title',
      'document kind parks.permit checks parks.revoke, undeclared',
      'document kind parks.permit has a public field without a zh and an en label',
      'document kind cases.Permit must be named parks.<lower-case-slug>',
      'document kind cases.Permit needs a zh and an en title',
      'document kind cases.Permit checks parks.revoke, undeclared',
      'document kind cases.Permit has a public field without a zh and an en label',
    ]);
  });

  it("is told about personal data in another module's table", () => {
    expect(personalDataProblems(broken)).toEqual(['cases_case.address is not in a parks_… table of parks']);
  });

  it('is told about figures without a definition or unit, and about a figure key offered twice', () => {
    expect(figureProblems([broken, broken])).toEqual([
      'figure parks.count needs a definition in zh and en',
      'figure parks.count needs a unit in zh and en',
      'figure parks.count is offered twice',
      'figure parks.count needs a definition in zh and en',
      'figure parks.count needs a unit in zh and en',
    ]);
  });
});
