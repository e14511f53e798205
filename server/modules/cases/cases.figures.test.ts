import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/context.ts';
import { useTestApp } from '../../testing/test-app.ts';
import type { SignedIn } from '../../testing/test-auth.ts';
import { appModules } from '../index.ts';
import { casesManifest } from './cases.module.ts';
import { prepareCases, xiayang } from './cases.test-support.ts';
import { cst, hours, insertCases } from './evaluation/evaluation.test-support.ts';

/** The dashboard's figures are the evaluation's totals: computed through the same code, for the same actor. */
describe('cases figures', () => {
  const t = useTestApp({ modules: appModules });
  let dispatcher: SignedIn;
  const countyWide: Actor = {
    kind: 'user',
    id: '00000000-0000-4000-8000-000000000001',
    username: 'figures',
    displayName: '看板',
    roles: ['dispatcher'],
    permissions: new Set(['cases.read', 'cases.evaluate']),
    scopeRegion: '430225',
    department: null,
    sessionId: null,
  };

  beforeAll(async () => {
    t.clock.set(cst(2026, 4, 15));
    dispatcher = (await prepareCases(t)).dispatcher;
    const due = cst(2026, 3, 10);
    const dispatchedAt = cst(2026, 3, 2);
    await insertCases(t.db.database.db, [
      { townshipCode: xiayang, status: 'registered', reportedAt: cst(2026, 3, 1), registeredAt: cst(2026, 3, 1) },
      {
        townshipCode: xiayang,
        status: 'closed',
        reportedAt: cst(2026, 3, 1),
        registeredAt: cst(2026, 3, 1),
        dispatchedAt,
        handleDueAt: due,
        handledAt: new Date(due.getTime() - hours(5)),
        closedAt: new Date(due.getTime() - hours(2)),
        closedOnTime: true,
      },
      // Reported in February, checked on site in March: March's 核实, one within its limit and one late.
      ...[true, false].map((onTime) => ({
        townshipCode: xiayang,
        status: 'reported' as const,
        reportedAt: cst(2026, 2, 27),
        reportVerifiedAt: cst(2026, 3, 2),
        reportVerifiedOnTime: onTime,
      })),
    ]);
  });

  it('equal the totals of GET /api/cases/evaluation for the period', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/cases/evaluation?from=2026-03-01&to=2026-03-31&groupBy=township',
      headers: dispatcher.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    const total = res.json().total;
    const ctx = t.db.ctx({ clock: t.clock, actor: countyWide });
    const fields: Record<string, string> = {
      'cases.reported': 'reported',
      'cases.registered': 'registered',
      'cases.due': 'due',
      'cases.closed': 'closed',
      'cases.closed_rate': 'closedRate',
      'cases.on_time_rate': 'onTimeRate',
      'cases.rework_rate': 'reworkRate',
      'cases.avg_handling_hours': 'avgHandlingHours',
      'cases.satisfaction': 'satisfaction',
      'cases.verify_on_time_rate': 'verifyOnTimeRate',
      'cases.overdue_open': 'overdueOpen',
    };
    const figures = casesManifest.figures ?? [];
    expect(figures.map((f) => f.key).sort()).toEqual(Object.keys(fields).sort());
    for (const figure of figures) {
      const value = await figure.compute(ctx, { from: '2026-03-01', to: '2026-03-31' });
      expect(value, figure.key).toEqual(total[fields[figure.key] ?? '']);
    }
    expect(total).toMatchObject({ reported: 2, registered: 2, due: 1, closed: 1 });
    expect(total).toMatchObject({ verified: 2, verifiedOnTime: 1, verifyOnTimeRate: 50 });
  });
});
