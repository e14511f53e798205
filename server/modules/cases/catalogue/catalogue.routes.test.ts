import { beforeAll, describe, expect, it } from 'vitest';
import { builtinRoles, withGrants } from '../../../platform/access/roles.ts';
import { upsertBuiltinRoles } from '../../../platform/auth/roles.store.ts';
import { tx } from '../../../platform/db/tx.ts';
import { useTestApp } from '../../../testing/test-app.ts';
import { type SignedIn, signIn } from '../../../testing/test-auth.ts';
import { appModules } from '../../index.ts';
import { ensureCasesCatalogue } from './reference-data.ts';

const modules = appModules;

describe('cases catalogue API', () => {
  const t = useTestApp({ modules });
  let inspector: SignedIn;
  let volunteer: SignedIn;
  const get = (url: string, who?: SignedIn, lang = 'zh') =>
    t.app.inject({ method: 'GET', url, headers: { ...(who?.headers ?? {}), 'accept-language': lang } });

  beforeAll(async () => {
    const ctx = t.db.ctx();
    await tx(ctx, (x) =>
      upsertBuiltinRoles(
        x.db,
        x.countyCode,
        withGrants(
          builtinRoles,
          modules.map((m) => m.grants ?? {}),
        ),
      ),
    );
    inspector = await signIn(t.app, { roles: ['inspector'] });
    volunteer = await signIn(t.app, { roles: ['volunteer'] });
    await ensureCasesCatalogue(ctx);
  });

  describe('bad input', () => {
    it('401 without a session', async () => {
      expect((await get('/api/cases/catalogue')).statusCode).toBe(401);
      expect((await get('/api/cases/catalogue/09006')).statusCode).toBe(401);
    });

    it('400 for unknown query fields, unknown kinds and tags, and malformed codes', async () => {
      const unknown = await get('/api/cases/catalogue?region=430225', inspector, 'en');
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().error.fields).toEqual({ region: 'Unknown field' });
      expect((await get('/api/cases/catalogue?kind=part', inspector)).json().error.fields).toHaveProperty('kind');
      const tag = await get('/api/cases/catalogue?tag=wu_luan', inspector, 'en');
      expect(tag.statusCode).toBe(400);
      expect(tag.json().error.fields).toEqual({ tag: 'No such campaign tag' });
      for (const code of ['9006', '090060', '04-06', 'abcde']) {
        const res = await get(`/api/cases/catalogue/${code}`, inspector);
        expect(res.statusCode, code).toBe(400);
        expect(Object.keys(res.json().error.fields), code).toEqual(['code']);
      }
    });

    it('403 for the three administrators (三员 hold no business data) and roles without the permission', async () => {
      for (const role of ['sys_admin', 'sec_admin', 'audit_admin', 'insurance_clerk']) {
        const who = await signIn(t.app, { roles: [role] });
        expect((await get('/api/cases/catalogue', who)).statusCode, role).toBe(403);
        expect((await get('/api/cases/catalogue/09006', who)).statusCode, role).toBe(403);
      }
    });

    it('404 in the error shape for a well-formed code that is not in the table', async () => {
      const res = await get('/api/cases/catalogue/09999', inspector, 'en');
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual({ error: { code: 'not_found', message: 'Case category not found' } });
    });
  });

  it('lists the active edition with limits, legacy codes and tags', async () => {
    const res = await get('/api/cases/catalogue', volunteer);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.edition).toMatchObject({
      version: '2026',
      standardRef: 'GB/T 47678.5-2026',
      publishedAt: '2026-07-01',
    });
    expect(body.categories).toHaveLength(32);
    const illegalBuilding = body.categories.find((c: { code: string }) => c.code === '06001');
    expect(illegalBuilding).toMatchObject({
      kind: 'event',
      major: { code: '06', nameZh: '市容环境类' },
      minorCode: '001',
      measureUnit: 'm2',
      legacyCodes: [{ code: '01-01', provisional: false, provisionalReason: null }],
      tags: ['chuang_wen', 'si_luan_street'],
    });
    expect(
      illegalBuilding.limits.map(
        (l: { stage: string; step: string; amount: number; unit: string }) =>
          `${l.stage}/${l.step} ${l.amount} ${l.unit}`,
      ),
    ).toEqual([
      'register/whole 0.5 working_days',
      'handle/stop_work 4 working_hours',
      'handle/penalty 7 working_days',
      'handle/demolition 20 working_days',
    ]);
  });

  it('filters by campaign tag and kind', async () => {
    const sanLuan = (await get('/api/cases/catalogue?tag=san_luan', inspector)).json();
    expect(sanLuan.categories.map((c: { code: string }) => c.code)).toEqual(['07001', '07002']);
    expect(sanLuan.tags.find((tag: { key: string }) => tag.key === 'san_luan').codes).toEqual(['07001', '07002']);
    expect((await get('/api/cases/catalogue?kind=component', inspector)).json().categories).toEqual([]);
  });

  it('reads one category by code', async () => {
    const res = await get('/api/cases/catalogue/09006', inspector);
    expect(res.statusCode).toBe(200);
    expect(res.json().category).toMatchObject({
      code: '09006',
      nameZh: '占道经营',
      legacyCodes: [{ code: '04-06' }],
      tags: ['chuang_wen', 'si_luan_street'],
    });
  });
});
