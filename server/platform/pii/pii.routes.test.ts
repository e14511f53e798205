import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { signIn } from '../../testing/test-auth.ts';
import { insertStaffUser } from './pii-test-support.ts';
import { revealableFields } from './reveal.ts';

const phone = '13812345678';
const reveal = ['pii.reveal', 'pii.reveal.phone'];

describe('POST /api/pii/reveal', () => {
  const t = useTestApp();
  const users = { township: '', village: '', otherTownship: '', noPhone: '' };
  /** Signed-in callers: the county office, a township officer, a village officer, and partial permissions. */
  const as = { county: {}, township: {}, village: {}, routeOnly: {}, fieldOnly: {}, otherField: {} } as Record<
    string,
    Record<string, string>
  >;

  beforeAll(async () => {
    const signedIn = async (permissions: string[], scopeRegion = '430225') =>
      (await signIn(t.app, { permissions, scopeRegion })).headers;
    as.county = await signedIn(reveal);
    as.township = await signedIn(reveal, '430225100');
    as.village = await signedIn(reveal, '430225100201');
    as.routeOnly = await signedIn(['pii.reveal']);
    as.fieldOnly = await signedIn(['pii.reveal.phone']);
    as.otherField = await signedIn(['pii.reveal', 'pii.reveal.idcard']);
    const { keyring } = t.db.ctx();
    users.township = await insertStaffUser(t.db.database, keyring, { scopeRegion: '430225100', phone });
    users.village = await insertStaffUser(t.db.database, keyring, {
      scopeRegion: '430225100201',
      phone: '13900001111',
    });
    users.otherTownship = await insertStaffUser(t.db.database, keyring, {
      scopeRegion: '430225209',
      phone: '13700002222',
    });
    users.noPhone = await insertStaffUser(t.db.database, keyring, { scopeRegion: '430225100', phone: null });
  });

  const post = (body: unknown, headers: Record<string, string> = as.county!) =>
    t.app.inject({ method: 'POST', url: '/api/pii/reveal', headers, payload: body as Record<string, unknown> });
  const body = (objectId: string, extra: Record<string, unknown> = {}) => ({
    objectType: 'user',
    objectId,
    fields: ['phone'],
    reason: '核实联系方式',
    ...extra,
  });
  const revealAudits = () =>
    t.db.database.query<Record<string, unknown>>(
      "select object_type, object_id, outcome, reason_code, details, actor_name, row_to_json(a)::text as whole from audit_event a where event_type = 'pii.reveal' order by seq",
    );

  describe('refusals', () => {
    it('401 without a signed-in actor', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/pii/reveal', payload: body(users.township) });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('unauthenticated');
    });

    it.each([
      ['no reason', { reason: undefined }, 'reason'],
      ['a reason of three characters', { reason: '看一下' }, 'reason'],
      ['a reason of spaces only', { reason: '      ' }, 'reason'],
      ['a reason over 200 characters', { reason: '查'.repeat(201) }, 'reason'],
      ['no fields', { fields: [] }, 'fields'],
      ['eleven fields', { fields: Array.from({ length: 11 }, (_, i) => `f${i}`) }, 'fields'],
      ['a field twice', { fields: ['phone', 'phone'] }, 'fields'],
      ['an unknown object type', { objectType: 'nobody' }, 'objectType'],
      ['an unknown field of a known object', { fields: ['idCard'] }, 'fields'],
      ['a field name that is not a name', { fields: ['phone; drop'] }, 'fields.0'],
    ])('400 for %s', async (_label, change, field) => {
      const res = await post(body(users.township, change));
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields).toHaveProperty(field);
    });

    it('400 for an unknown body field (mass assignment), whatever its name', async () => {
      const res = await post({ ...body(users.township), showAll: true });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields).toEqual({ showAll: '不允许的字段' });
    });

    it('403 for a signed-in user with neither permission', async () => {
      const nobody = await signIn(t.app, { roles: ['inspector'] });
      expect((await post(body(users.township), nobody.headers)).statusCode).toBe(403);
    });

    it('403 without the route permission, or with it but without the field permission', async () => {
      const res = await post(body(users.township), as.fieldOnly);
      expect(res.statusCode).toBe(403);
      expect((await post(body(users.township), as.routeOnly)).statusCode).toBe(403);
    });

    it('403 without the field permission, naming nothing sensitive, and audited as refused', async () => {
      const before = (await revealAudits()).length;
      const res = await post(body(users.township), as.otherField);
      expect(res.statusCode).toBe(403);
      expect(res.json()).toEqual({ error: { code: 'forbidden', message: '没有权限进行此操作' } });
      const audits = await revealAudits();
      expect(audits).toHaveLength(before + 1);
      expect(audits.at(-1)).toMatchObject({
        object_type: 'user',
        object_id: users.township,
        outcome: 'failure',
        reason_code: 'forbidden',
      });
    });

    it('404 alike for an unknown user, an id that is not one, another township’s user and a user with no phone', async () => {
      const answers = await Promise.all(
        ['00000000-0000-4000-8000-000000000000', 'not-a-uuid', users.otherTownship, users.noPhone].map((id) =>
          post(body(id), as.township),
        ),
      );
      for (const res of answers) {
        expect(res.statusCode).toBe(404);
        expect(res.json()).toEqual({ error: { code: 'not_found', message: '未找到记录' } });
      }
      const refused = (await revealAudits()).filter((a) => a.reason_code === 'not_found');
      expect(refused.map((a) => a.object_id)).toContain(users.otherTownship);
    });

    it('a village officer cannot see a township account above them', async () => {
      const res = await post(body(users.township), as.village);
      expect(res.statusCode).toBe(404);
    });
  });

  describe('revealing', () => {
    it('lists staff phones among the revealable fields, with their permission', () => {
      expect(revealableFields()).toContainEqual(
        expect.objectContaining({
          objectType: 'user',
          field: 'phone',
          permission: 'pii.reveal.phone',
          category: 'contact',
        }),
      );
    });

    it('returns the clear phone to an actor whose scope covers the account, never cached', async () => {
      const county = await post(body(users.township), as.county);
      expect(county.statusCode).toBe(200);
      expect(county.json()).toEqual({ values: { phone } });
      expect(county.headers['cache-control']).toBe('no-store');
      const township = await post(body(users.village), as.township);
      expect(township.json()).toEqual({ values: { phone: '13900001111' } });
    });

    it('audits object, field names and reason — never the value, and numbers in the reason are masked', async () => {
      const res = await post(body(users.village, { reason: '回拨 13900001111 核实身份' }), as.township);
      expect(res.statusCode).toBe(200);
      const audit = (await revealAudits()).at(-1)!;
      expect(audit).toMatchObject({
        object_type: 'user',
        object_id: users.village,
        outcome: 'success',
        actor_name: '测试用户',
      });
      expect(audit.details).toEqual({
        fields: ['phone'],
        categories: ['contact'],
        reason: '回拨 139****1111 核实身份',
      });
      expect(audit.whole).not.toContain('13900001111');
    });

    it('returns nothing when the audit row cannot be written (same transaction, AUD-04)', async () => {
      await t.db.database.exec(
        "alter table audit_event add constraint no_reveal_probe check (event_type <> 'pii.reveal' or outcome <> 'success') not valid",
      );
      try {
        const res = await post(body(users.township));
        expect(res.statusCode).toBe(500);
        expect(res.body).not.toContain(phone);
      } finally {
        await t.db.database.exec('alter table audit_event drop constraint no_reveal_probe');
      }
    });
  });
});
