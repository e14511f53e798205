import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { seedDemoCounty } from '../seed/demo-seed.ts';
import { adoptedManifests } from '../modules/adopt.ts';

/** The app's manifests, as the test setup adopted them (a platform test is handed the list, never imports it). */
const appModules = adoptedManifests();

describe('system routes', () => {
  const t = useTestApp();

  it('/healthz and /readyz answer while the database does', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject({ method: 'GET', url: '/readyz' })).json()).toEqual({
      status: 'ready',
      engine: t.db.engine,
    });
  });

  it('/api/meta names the county from the region table and lists the modules, none ready yet', async () => {
    const meta = (await t.app.inject({ method: 'GET', url: '/api/meta' })).json();
    expect(meta).toMatchObject({
      product: 'wenming',
      county: { code: '430225', name: '炎陵县' },
      engine: t.db.engine,
      seed: null,
    });
    expect(meta.modules.map((m: { key: string }) => m.key)).toEqual([
      'dashboard',
      'cases',
      'merchants',
      'inspections',
      'volunteers',
      'courtyards',
      'service-desk',
      'insurance',
      'projects',
    ]);
  });

  it('/api/meta reports the demo seed once it has run, and seeding twice is a no-op', async () => {
    const ctx = t.db.ctx({ clock: t.clock });
    const options = { scale: 'small' as const, seed: 42, countyCode: '430225' };
    const seeded = await seedDemoCounty(ctx, appModules, options, { quiet: true });
    expect(seeded).toMatchObject({ seed: 42 });
    // The platform's steps first, then each module's, in module order.
    expect(seeded?.steps.slice(0, 2)).toEqual(['villages', 'accounts']);
    expect(seeded?.steps).toContain('cases departments');
    expect(await seedDemoCounty(ctx, appModules, options, { quiet: true })).toBeUndefined();
    const meta = (await t.app.inject({ method: 'GET', url: '/api/meta' })).json();
    expect(meta.seed).toEqual({ seed: 42, scale: 'small', seededAt: t.clock().toISOString() });
  });

  it('/readyz answers 503 in the error shape when the database is gone', async () => {
    await t.db.database.close();
    const res = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.json().error.code).toBe('database_unavailable');
  });
});
