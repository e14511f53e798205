import fc from 'fast-check';
import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../testing/test-app.ts';
import { signIn } from '../../../testing/test-auth.ts';
import { writeSetting } from '../../settings/settings.store.ts';
import { freshAuthSettings } from '../auth-config.ts';
import { liftToFloors, type SecurityValues, securityBounds } from './policy-floors.ts';
import { loadSecuritySettings, SecurityPolicySchema } from './security-policy.ts';

/** The 等保 floors of the security policy (issue #9 item 11): below them the security administrator is refused. */
describe('security policy floors', () => {
  const t = useTestApp();
  const put = (headers: Record<string, string>, payload: object) =>
    t.app.inject({ method: 'PUT', url: '/api/admin/security-policy', headers, payload });
  const chinaProfile = {
    policy: {
      minLength: 10,
      maxLength: 128,
      minClasses: 3,
      maxAgeDays: 90,
      historyCount: 5,
      lockoutThreshold: 5,
      lockoutMinutes: 30,
    },
    absoluteHours: 12,
    ipFailureLimit: 20,
    ipWindowMinutes: 15,
  };

  it.each([
    ['policy', 'minLength', 7],
    ['policy', 'minClasses', 0],
    ['policy', 'minClasses', 2],
    ['policy', 'maxAgeDays', 0],
    ['policy', 'maxAgeDays', 91],
    ['policy', 'historyCount', 0],
    ['policy', 'historyCount', 4],
    ['policy', 'lockoutThreshold', 11],
    ['policy', 'lockoutMinutes', 9],
    [null, 'absoluteHours', 13],
    [null, 'ipFailureLimit', 101],
    [null, 'ipWindowMinutes', 4],
  ] as const)('refuses %s.%s = %d with a field error, and keeps the policy in force', async (group, field, value) => {
    const sec = await signIn(t.app, { roles: ['sec_admin'] });
    const body = group
      ? { ...chinaProfile, policy: { ...chinaProfile.policy, [field]: value } }
      : { ...chinaProfile, [field]: value };
    const res = await put(sec.headers, body);
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields)).toEqual([group ? `policy.${field}` : field]);
    const now = (await t.app.inject({ method: 'GET', url: '/api/admin/security-policy', headers: sec.headers })).json();
    expect(now).toEqual(chinaProfile);
  });

  it('accepts the China profile and a stricter one', async () => {
    const sec = await signIn(t.app, { roles: ['sec_admin'] });
    expect((await put(sec.headers, chinaProfile)).statusCode).toBe(200);
    const strict = {
      ...chinaProfile,
      policy: {
        ...chinaProfile.policy,
        minLength: 12,
        minClasses: 4,
        maxAgeDays: 60,
        historyCount: 10,
        lockoutThreshold: 3,
      },
    };
    expect((await put(sec.headers, strict)).json()).toEqual(strict);
    expect((await put(sec.headers, chinaProfile)).statusCode).toBe(200);
  });

  it('a weaker policy saved before the floors existed is lifted to them when loaded', async () => {
    const ctx = t.db.ctx({ clock: t.clock });
    const weak = {
      ...chinaProfile,
      policy: {
        ...chinaProfile.policy,
        minLength: 6,
        minClasses: 0,
        maxAgeDays: 0,
        historyCount: 0,
        lockoutThreshold: 50,
      },
      ipFailureLimit: 1000,
    };
    await writeSetting(ctx.db, ctx.countyCode, 'security.settings', weak, t.clock());
    const loaded = freshAuthSettings();
    await loadSecuritySettings(ctx.db, ctx.countyCode, loaded);
    expect(loaded.policy).toMatchObject({
      minLength: 8,
      minClasses: 3,
      maxAgeDays: 90,
      historyCount: 5,
      lockoutThreshold: 10,
    });
    expect(loaded.ipFailureLimit).toBe(100);
    await writeSetting(ctx.db, ctx.countyCode, 'security.settings', chinaProfile, t.clock());
  });

  const anyPolicy = fc.record({
    policy: fc.record({
      minLength: fc.integer({ min: 0, max: 300 }),
      maxLength: fc.integer({ min: 0, max: 300 }),
      minClasses: fc.integer({ min: 0, max: 5 }),
      maxAgeDays: fc.integer({ min: 0, max: 400 }),
      historyCount: fc.integer({ min: 0, max: 30 }),
      lockoutThreshold: fc.integer({ min: 0, max: 30 }),
      lockoutMinutes: fc.integer({ min: 0, max: 2000 }),
    }),
    absoluteHours: fc.integer({ min: 0, max: 30 }),
    ipFailureLimit: fc.integer({ min: 0, max: 2000 }),
    ipWindowMinutes: fc.integer({ min: 0, max: 2000 }),
  });
  const within = (value: number, [min, max]: readonly [number, number]) => value >= min && value <= max;
  const allWithin = (p: SecurityValues) =>
    Object.entries(p.policy).every(([k, v]) =>
      within(v, securityBounds.policy[k as keyof typeof securityBounds.policy]),
    ) &&
    within(p.absoluteHours, securityBounds.absoluteHours) &&
    within(p.ipFailureLimit, securityBounds.ipFailureLimit) &&
    within(p.ipWindowMinutes, securityBounds.ipWindowMinutes);

  it('the schema accepts a policy exactly when every value lies within its bounds', () => {
    fc.assert(
      fc.property(anyPolicy, (p) => {
        expect(Value.Check(SecurityPolicySchema, p)).toBe(allWithin(p));
      }),
    );
  });

  it('lifting to the floors always lands within the bounds and leaves a policy within them unchanged', () => {
    fc.assert(
      fc.property(anyPolicy, (p) => {
        const lifted = liftToFloors(p);
        expect(allWithin(lifted)).toBe(true);
        if (allWithin(p)) expect(lifted).toEqual(p);
        // "Never expires" (0, allowed before the floors) becomes the longest expiry allowed, not the shortest.
        if (p.policy.maxAgeDays === 0) expect(lifted.policy.maxAgeDays).toBe(securityBounds.policy.maxAgeDays[1]);
      }),
    );
  });
});
