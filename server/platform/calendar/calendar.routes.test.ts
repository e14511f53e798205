import { beforeAll, describe, expect, it } from 'vitest';
import { adoptedManifests } from '../modules/adopt.ts';
import { useTestApp } from '../../testing/test-app.ts';
import { type SignedIn, signIn } from '../../testing/test-auth.ts';
import { builtinRoles, withGrants } from '../access/roles.ts';
import { upsertBuiltinRoles } from '../auth/roles.store.ts';
import { tx } from '../db/tx.ts';
import { calendarManifest } from './calendar.module.ts';
import { ensureOfficialCalendar } from './reference-data.ts';

/** The app's manifests, as the test setup adopted them (a platform test is handed the list, never imports it). */
const appModules = adoptedManifests();

const modules = appModules;

describe('calendar API', () => {
  const t = useTestApp({ modules });
  let coordinator: SignedIn;
  let dispatcher: SignedIn;
  type Method = 'GET' | 'PUT' | 'DELETE';
  const call = (method: Method, url: string, who?: SignedIn, payload?: object, lang = 'zh') =>
    t.app.inject({
      method,
      url,
      headers: { ...(who?.headers ?? {}), 'accept-language': lang },
      ...(payload ? { payload } : {}),
    });
  const auditRows = (action: string, objectId: string) =>
    t.db.database.query<{ actor_id: string; details: Record<string, unknown> }>(
      "select actor_id, details from audit_event where event_type = 'calendar.update' and action = $1 and object_id = $2 order by seq",
      [action, objectId],
    );

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
    await ensureOfficialCalendar(ctx);
    coordinator = await signIn(t.app, { roles: ['coordinator'] });
    dispatcher = await signIn(t.app, { roles: ['dispatcher'] });
  });

  describe('bad input', () => {
    it('401 without a session', async () => {
      expect((await call('GET', '/api/calendar?year=2026')).statusCode).toBe(401);
      expect(
        (await call('PUT', '/api/calendar/days/2026-06-01', undefined, { kind: 'holiday', name: '县庆' })).statusCode,
      ).toBe(401);
      expect(
        (await call('GET', '/api/calendar/working-time?from=2026-03-02T00:00:00Z&to=2026-03-03T00:00:00Z')).statusCode,
      ).toBe(401);
    });

    it('400 for unknown fields, bad kinds, blank names and years out of range', async () => {
      const unknown = await call(
        'PUT',
        '/api/calendar/days/2026-06-01',
        coordinator,
        { kind: 'holiday', name: '县庆', source: 'official' },
        'en',
      );
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().error.fields).toEqual({ source: 'Unknown field' });
      const bad = await call('PUT', '/api/calendar/days/2026-06-01', coordinator, { kind: 'weekend', name: '  ' });
      expect(Object.keys(bad.json().error.fields).sort()).toEqual(['kind', 'name']);
      expect(
        (await call('PUT', '/api/calendar/days/2026-06-01', coordinator, { kind: 'holiday' })).json().error.fields,
      ).toEqual({ name: '必填' });
      expect((await call('GET', '/api/calendar?year=1999', dispatcher)).json().error.fields).toEqual({
        year: '不能小于 2000',
      });
      expect((await call('GET', '/api/calendar?year=2026&region=430225', dispatcher)).json().error.fields).toEqual({
        region: '不允许的字段',
      });
      const early = await call('PUT', '/api/calendar/days/1999-05-01', coordinator, {
        kind: 'holiday',
        name: '劳动节',
      });
      expect(early.json().error.fields).toEqual({ date: '年份应在 2000 至 2100 之间' });
    });

    it('400 for dates that do not exist or are not dates', async () => {
      for (const date of ['2026-02-30', '2025-02-29', '20260301', '2026-3-1', 'tomorrow']) {
        const res = await call('PUT', `/api/calendar/days/${date}`, coordinator, { kind: 'holiday', name: '县庆' });
        expect(res.statusCode, date).toBe(400);
        expect(res.json().error.fields, date).toEqual({ date: '应为日期（如 2026-03-01）' });
      }
      expect((await call('DELETE', '/api/calendar/days/2026-13-01', coordinator)).statusCode).toBe(400);
    });

    it('400 for working-time spans that are backwards, too long or malformed, and for unusable working hours', async () => {
      const backwards = await call(
        'GET',
        '/api/calendar/working-time?from=2026-03-03T00:00:00Z&to=2026-03-02T00:00:00Z',
        dispatcher,
      );
      expect(backwards.json().error.fields).toEqual({ to: '结束时间不能早于开始时间' });
      const long = await call(
        'GET',
        '/api/calendar/working-time?from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z',
        dispatcher,
      );
      expect(long.json().error.fields).toEqual({ to: '时间跨度不能超过 3 年' });
      expect(
        (await call('GET', '/api/calendar/working-time?from=2026-03-02', dispatcher)).json().error.fields,
      ).toHaveProperty('to', '必填');
      const overlapping = await call('PUT', '/api/calendar/working-hours', coordinator, {
        periods: [
          { start: '08:00', end: '12:00' },
          { start: '11:00', end: '17:00' },
        ],
      });
      expect(overlapping.json().error.fields).toEqual({
        periods: '工作时段应按先后排列、互不重叠，且每段开始早于结束',
      });
      const malformed = await call('PUT', '/api/calendar/working-hours', coordinator, {
        periods: [{ start: '25:00', end: '26:00' }],
      });
      expect(malformed.statusCode).toBe(400);
      expect((await call('PUT', '/api/calendar/working-hours', coordinator, { periods: [] })).statusCode).toBe(400);
    });

    it('403 without calendar.manage, for 三员, and for a campaign office scoped to one township; all audited', async () => {
      expect(
        (await call('PUT', '/api/calendar/days/2026-06-01', dispatcher, { kind: 'holiday', name: '县庆' })).statusCode,
      ).toBe(403);
      expect((await call('DELETE', '/api/calendar/days/2026-06-01', dispatcher)).statusCode).toBe(403);
      expect(
        (await call('PUT', '/api/calendar/working-hours', dispatcher, { periods: [{ start: '08:00', end: '12:00' }] }))
          .statusCode,
      ).toBe(403);
      const secAdmin = await signIn(t.app, { roles: ['sec_admin'] });
      expect((await call('GET', '/api/calendar?year=2026', secAdmin)).statusCode).toBe(403);
      const township = await signIn(t.app, { roles: ['coordinator'], scopeRegion: '430225100' });
      const res = await call('PUT', '/api/calendar/days/2026-06-01', township, { kind: 'holiday', name: '县庆' });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.message).toBe('本县日历只能由县级管理人员调整');
      const denied = await t.db.database.query(
        "select count(*)::int8 as n from audit_event where event_type = 'access.denied' and actor_id = $1",
        [township.userId],
      );
      expect(denied[0]).toEqual({ n: 1 });
    });

    it('404 when removing a local entry that does not exist (official days cannot be deleted)', async () => {
      const res = await call('DELETE', '/api/calendar/days/2026-02-16', coordinator);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.message).toBe('未找到本县日历调整');
    });
  });

  it('shows a year with its notice, the working hours and every holiday and 调休 day, to any staff role', async () => {
    const res = await call('GET', '/api/calendar?year=2026', dispatcher);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.reference).toEqual({
      status: 'official',
      notice: '国务院办公厅关于2026年部分节假日安排的通知',
      document: '国办发明电〔2025〕7号',
      issued: '2025-11-04',
    });
    expect(body.workingHours).toEqual({
      periods: [
        { start: '08:00', end: '12:00' },
        { start: '14:30', end: '17:30' },
      ],
    });
    expect(body.days).toHaveLength(33 + 6);
    expect(body.days.find((d: { date: string }) => d.date === '2026-02-14')).toEqual({
      date: '2026-02-14',
      kind: 'workday',
      name: '春节调休',
      source: 'official',
      provisional: false,
      official: null,
    });
    const provisional = (await call('GET', '/api/calendar?year=2027', dispatcher)).json();
    expect(provisional.reference.status).toBe('provisional');
    expect(provisional.days.every((d: { provisional: boolean }) => d.provisional)).toBe(true);
    expect((await call('GET', '/api/calendar?year=2031', dispatcher)).json()).toMatchObject({
      reference: { status: 'missing' },
      days: [],
    });
    expect((await call('GET', '/api/calendar', dispatcher)).json().year).toBe(2026); // the fake clock's year
  });

  it('lets the campaign office add a county holiday, audited, and deadlines move with it', async () => {
    const url = '/api/calendar/working-time?from=2026-06-01T00:00:00Z&to=2026-06-02T10:00:00Z'; // Monday 08:00 → Tuesday 18:00
    expect((await call('GET', url, dispatcher)).json().minutes).toBe(840);
    const put = await call('PUT', '/api/calendar/days/2026-06-01', coordinator, { kind: 'holiday', name: ' 县庆 ' });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toEqual({
      date: '2026-06-01',
      kind: 'holiday',
      name: '县庆',
      source: 'local',
      provisional: false,
      official: null,
    });
    expect((await call('GET', url, dispatcher)).json()).toEqual({
      from: '2026-06-01T00:00:00.000Z',
      to: '2026-06-02T10:00:00.000Z',
      minutes: 420,
    });
    const audit = await auditRows('update', '2026-06-01');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actor_id: coordinator.userId,
      details: { kind: 'holiday', name: '县庆', before: null },
    });
  });

  it('overrides an official day and, when the entry is removed, the official day applies again', async () => {
    const put = await call('PUT', '/api/calendar/days/2026-02-23', coordinator, {
      kind: 'workday',
      name: '县里照常上班',
    });
    expect(put.json()).toMatchObject({ kind: 'workday', source: 'local', official: { kind: 'holiday', name: '春节' } });
    const listed = (await call('GET', '/api/calendar?year=2026', dispatcher)).json().days;
    expect(listed.filter((d: { date: string }) => d.date === '2026-02-23')).toHaveLength(1);
    expect((await call('DELETE', '/api/calendar/days/2026-02-23', coordinator)).statusCode).toBe(204);
    const after = (await call('GET', '/api/calendar?year=2026', dispatcher))
      .json()
      .days.find((d: { date: string }) => d.date === '2026-02-23');
    expect(after).toMatchObject({ kind: 'holiday', name: '春节', source: 'official', official: null });
    expect(await auditRows('delete', '2026-02-23')).toMatchObject([
      { details: { before: { kind: 'workday', name: '县里照常上班' } } },
    ]);
  });

  it('sets the county working hours, audited, and measures with them', async () => {
    const periods = [
      { start: '08:30', end: '12:00' },
      { start: '14:30', end: '17:30' },
    ];
    const res = await call('PUT', '/api/calendar/working-hours', coordinator, { periods });
    expect(res.json()).toEqual({ periods });
    expect((await call('GET', '/api/calendar?year=2026', dispatcher)).json().workingHours).toEqual({ periods });
    const week = await call(
      'GET',
      '/api/calendar/working-time?from=2026-03-01T16:00:00Z&to=2026-03-06T16:00:00Z',
      dispatcher,
    ); // Mon–Fri, whole days
    expect(week.json().minutes).toBe(5 * 390);
    expect(await auditRows('update', 'calendar.working_hours')).toHaveLength(1);
  });

  it('grants calendar.read to every staff role and calendar.manage only to the campaign office', () => {
    const grants = calendarManifest.grants ?? {};
    for (const role of builtinRoles) {
      const expected = role.adminKind
        ? undefined
        : role.key === 'coordinator'
          ? ['calendar.read', 'calendar.manage']
          : ['calendar.read'];
      expect(grants[role.key], role.key).toEqual(expected);
    }
  });
});
