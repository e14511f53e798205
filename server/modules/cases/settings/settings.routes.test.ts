import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../testing/test-app.ts';
import { type SignedIn, signIn } from '../../../testing/test-auth.ts';
import { type CaseActors, prepareCases, reportBody } from '../cases.test-support.ts';

describe('cases settings API', () => {
  const t = useTestApp();
  let who: CaseActors;
  beforeAll(async () => {
    who = await prepareCases(t);
  });
  const send = (method: 'GET' | 'PUT' | 'DELETE', url: string, actor: SignedIn | null, payload?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: { ...(actor?.headers ?? {}), 'accept-language': 'en' },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const policy = {
    defaultLimits: {
      register: { amount: 0.5, unit: 'working_days' },
      dispatch: { amount: 1, unit: 'working_hours' },
      handle: { amount: 2, unit: 'working_days' },
      verify: { amount: 1, unit: 'working_days' },
    },
    duplicateRadiusM: 80,
    escalationLadder: [
      { level: 1, overdueWorkingHours: 0, titleZh: '超期提醒', titleEn: 'Reminder' },
      { level: 2, overdueWorkingHours: 4, titleZh: '创文办督办', titleEn: 'Office' },
    ],
    maxExtensionHours: 40,
  };

  it('401, 400 and 403 first', async () => {
    expect((await send('GET', '/api/cases/settings', null)).statusCode).toBe(401);
    expect((await send('GET', '/api/cases/settings', who.dispatcher)).statusCode).toBe(403);
    expect(
      (await send('PUT', '/api/cases/settings/policy', who.coordinator, { ...policy, bounds: {} })).json().error.fields,
    ).toEqual({ bounds: 'Unknown field' });
    const badLadder = await send('PUT', '/api/cases/settings/policy', who.coordinator, {
      ...policy,
      escalationLadder: [...policy.escalationLadder].reverse(),
    });
    expect(Object.keys(badLadder.json().error.fields)).toEqual(['escalationLadder.0']);
    expect(
      (await send('PUT', '/api/cases/settings/routes/09006', who.coordinator, { department: 'nosuch' })).json().error
        .fields,
    ).toEqual({ department: 'No such handling department' });
    expect(
      (await send('PUT', '/api/cases/settings/routes/09999', who.coordinator, { department: 'chengguan' })).json().error
        .fields,
    ).toHaveProperty('categoryCode');
    expect(
      (
        await send('PUT', '/api/cases/settings/routes/09006', who.coordinator, {
          department: 'chengguan',
          areaCode: '430224100',
        })
      ).json().error.fields,
    ).toHaveProperty('areaCode');
    expect(
      (await send('DELETE', '/api/cases/settings/routes/09006?areaCode=430225101', who.coordinator)).statusCode,
    ).toBe(404);
  });

  it('a new policy applies to the next report at once, and every change is audited', async () => {
    const saved = await send('PUT', '/api/cases/settings/policy', who.coordinator, policy);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().policy).toMatchObject({
      duplicateRadiusM: 80,
      maxExtensionHours: 40,
      bounds: { minLng: 113.58 },
    });
    const near = await t.app.inject({
      method: 'GET',
      url: '/api/cases/nearby?categoryCode=09006&lng=113.772&lat=26.489',
      headers: who.inspector.headers,
    });
    expect(near.json().radiusM).toBe(80);
    const { caseNo } = (
      await t.app.inject({
        method: 'POST',
        url: '/api/cases',
        headers: who.inspector.headers,
        payload: await reportBody(),
      })
    ).json();
    const registered = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${caseNo}/register`,
      headers: who.dispatcher.headers,
      payload: { revision: 0 },
    });
    // The dispatch clock is now 1 working hour: registered at 09:00 Monday → due 10:00.
    const clock = registered.json().clock;
    expect(new Date(clock.dueAt).getTime() - new Date(registered.json().registeredAt).getTime()).toBe(3600_000);
    // The case page's 申请延期 form reads its limit from the case, so it refuses what the server would.
    expect(registered.json().limits).toEqual({ maxExtensionHours: 40 });
    const audits = await t.db.database.query<{ n: number }>(
      "select count(*)::int as n from audit_event where event_type = 'cases.settings'",
    );
    expect(audits[0]?.n).toBe(1);
  });

  it('departments and township routes: the longest match wins', async () => {
    expect(
      (
        await send('PUT', '/api/cases/settings/departments/xiayang_gov', who.coordinator, {
          titleZh: '霞阳镇人民政府',
          titleEn: 'Xiayang Town Government',
          active: true,
        })
      ).statusCode,
    ).toBe(200);
    const routed = await send('PUT', '/api/cases/settings/routes/09006', who.coordinator, {
      department: 'xiayang_gov',
      areaCode: '430225100',
    });
    expect(routed.json().routes).toEqual(
      expect.arrayContaining([
        { categoryCode: '09006', areaCode: '430225100', department: 'xiayang_gov' },
        { categoryCode: '09006', areaCode: '', department: 'chengguan' },
      ]),
    );
    const { caseNo } = (
      await t.app.inject({
        method: 'POST',
        url: '/api/cases',
        headers: who.inspector.headers,
        payload: await reportBody(),
      })
    ).json();
    const registered = (
      await t.app.inject({
        method: 'POST',
        url: `/api/cases/${caseNo}/register`,
        headers: who.dispatcher.headers,
        payload: { revision: 0 },
      })
    ).json();
    expect(registered.suggestedDepartment).toBe('xiayang_gov');
    expect(
      (await send('DELETE', '/api/cases/settings/routes/09006?areaCode=430225100', who.coordinator)).statusCode,
    ).toBe(200);
    const again = (
      await t.app.inject({ method: 'GET', url: `/api/cases/${caseNo}`, headers: who.dispatcher.headers })
    ).json();
    expect(again.suggestedDepartment).toBe('chengguan');
  });

  it('a township-scoped editor changes only what lies in their township: county-wide settings are refused, audited', async () => {
    const xiayang = await signIn(t.app, { roles: ['coordinator'], scopeRegion: '430225100' });
    const denials = async () =>
      (
        await t.db.database.query<{ n: number }>(
          "select count(*)::int as n from audit_event where event_type = 'access.denied' and reason_code = 'scope_too_narrow'",
        )
      )[0]?.n;
    const before = await denials();
    expect((await send('PUT', '/api/cases/settings/policy', xiayang, policy)).statusCode).toBe(403);
    expect(
      (
        await send('PUT', '/api/cases/settings/departments/xiayang_gov', xiayang, {
          titleZh: '霞阳镇人民政府',
          titleEn: 'Xiayang Town Government',
          active: true,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await send('PUT', '/api/cases/settings/routes/09006', xiayang, { department: 'chengguan' })).statusCode,
    ).toBe(403);
    expect(await denials()).toBe((before ?? 0) + 3);
    const foreign = await send('PUT', '/api/cases/settings/routes/09006', xiayang, {
      department: 'chengguan',
      areaCode: '430225101',
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.fields).toEqual({
      areaCode: 'That township is outside your area; you cannot change its settings',
    });
    expect((await send('DELETE', '/api/cases/settings/routes/09006?areaCode=430225101', xiayang)).statusCode).toBe(400);
    const own = await send('PUT', '/api/cases/settings/routes/09006', xiayang, {
      department: 'chengguan',
      areaCode: '430225100',
    });
    expect(own.statusCode, own.body).toBe(200);
    expect((await send('DELETE', '/api/cases/settings/routes/09006?areaCode=430225100', xiayang)).statusCode).toBe(200);
  });
});
