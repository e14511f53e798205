import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/context.ts';
import { useTestApp } from '../../testing/test-app.ts';
import { casePermissions } from './case-flow.ts';
import { caseHttp, prepareCases, reportBody } from './cases.test-support.ts';
import { listCases } from './read-cases.ts';

describe('the case list total', () => {
  const t = useTestApp();
  const dispatcher: Actor = {
    kind: 'user',
    id: '00000000-0000-4000-8000-000000000001',
    username: 'dispatcher',
    displayName: '派遣员',
    roles: ['dispatcher'],
    permissions: new Set([casePermissions.read, casePermissions.dispatch]),
    scopeRegion: '430225',
    department: null,
    sessionId: null,
  };
  beforeAll(async () => {
    const who = await prepareCases(t);
    const { post } = caseHttp(t);
    for (let i = 0; i < 3; i += 1) await post('/api/cases', who.inspector, await reportBody());
  });

  it('is exact up to the cap and says "at least" beyond it, without counting the rest', async () => {
    const ctx = t.db.ctx({ clock: t.clock, actor: dispatcher });
    expect(await listCases(ctx, {}, 10)).toMatchObject({ total: 3, totalCapped: false });
    expect(await listCases(ctx, {}, 3)).toMatchObject({ total: 3, totalCapped: false });
    const capped = await listCases(ctx, { pageSize: 1 }, 2);
    expect(capped).toMatchObject({ total: 2, totalCapped: true });
    expect(capped.items).toHaveLength(1);
  });
});
