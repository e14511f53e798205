import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../platform/audit/verify.ts';
import { systemCtx } from '../../../platform/context.ts';
import { queryOne, queryRows } from '../../../platform/db/rows.ts';
import { tx } from '../../../platform/db/tx.ts';
import { testKeyring } from '../../../platform/pii/keyring.ts';
import { recordingProgress } from '../../../platform/seed/progress.ts';
import { useTestApp } from '../../../testing/test-app.ts';
import { type SignedIn, signIn } from '../../../testing/test-auth.ts';
import { createTestDatabase } from '../../../testing/test-database.ts';
import { demoCasesSeed } from './demo-cases.seed.ts';
import { countRows, demoOptions, historyDigest, seedCaseHistory } from './demo-cases.test-support.ts';
import { planCaseHistory } from './demo-plan.ts';
import { loadDemoSetup } from './demo-setup.ts';

/** The seeded history read back through the real API, and the seed's promises: idempotent, deterministic, unaudited. */
describe('the demo case history through the API', () => {
  const t = useTestApp();
  let dispatcher: SignedIn;
  const ctx = () => t.db.ctx({ clock: t.clock });
  const get = (url: string, who: SignedIn = dispatcher) =>
    t.app.inject({ method: 'GET', url, headers: { ...who.headers, 'accept-language': 'zh' } });

  beforeAll(async () => {
    await seedCaseHistory(ctx());
    dispatcher = await signIn(t.app, { roles: ['dispatcher'] });
  }, 180_000);

  it('lists the history newest first, with filters and the overdue queue', async () => {
    const total = await countRows(ctx(), 'cases_case');
    const page = await get('/api/cases?pageSize=50');
    expect(page.statusCode, page.body).toBe(200);
    const body = page.json();
    expect(body.total).toBe(total);
    expect(body.items).toHaveLength(50);
    const times = body.items.map((i: { reportedAt: string }) => i.reportedAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect(body.items[0]).toMatchObject({
      categoryName: expect.any(String),
      townshipName: expect.stringMatching(/镇|乡|农场|管理局/),
    });
    const overdue = (await get('/api/cases?queue=overdue&pageSize=200')).json();
    expect(overdue.total).toBeGreaterThan(0);
    expect(overdue.items.every((i: { clock: { overdue: boolean } }) => i.clock.overdue)).toBe(true);
    const seat = (await get('/api/cases?regionCode=430225100&status=closed&pageSize=1')).json();
    expect(seat.total).toBeGreaterThan(total * 0.35);
  });

  it('shows a seeded case in full: timeline with named staff, photos that download, the duplicate link', async () => {
    const newest = await queryOne<{ case_no: string; events: number; photos: number }>(
      ctx().db,
      sql`
      select c.case_no, (select count(*)::int from cases_event e where e.region_code = c.region_code and e.case_id = c.id) as events,
        (select count(*)::int from cases_photo p where p.region_code = c.region_code and p.case_id = c.id) as photos
      from cases_case c where c.status = 'closed' and c.township_code = '430225100' and c.channel = 'patrol'
        and exists (select 1 from cases_photo p where p.region_code = c.region_code and p.case_id = c.id and p.stage = 'handle') order by c.reported_at desc limit 1`,
    );
    const detail = await get(`/api/cases/${newest!.case_no}`);
    expect(detail.statusCode, detail.body).toBe(200);
    const view = detail.json();
    expect(view).toMatchObject({
      status: 'closed',
      reporter: { kind: 'staff', phone: null },
      clock: { stage: null, overdue: false },
    });
    expect(view.events).toHaveLength(newest!.events);
    expect(view.events[0]).toMatchObject({ action: 'report', actor: '谭建军' });
    expect(view.events.map((e: { action: string }) => e.action)).toContain('verify_pass');
    expect(view.photos).toHaveLength(newest!.photos);
    const photo = await get(view.photos[0].url);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/jpeg');
    const stored = await queryOne<{ sha256: string }>(
      ctx().db,
      sql`select sha256 from cases_photo where id = ${view.photos[0].id}`,
    );
    expect(createHash('sha256').update(photo.rawPayload).digest('hex')).toBe(stored!.sha256);
    expect((await get(view.photos[0].thumbnailUrl)).statusCode).toBe(200);

    const duplicate = await queryOne<{ case_no: string; target: string }>(
      ctx().db,
      sql`
      select d.case_no, t.case_no as target from cases_case d join cases_case t on t.region_code = d.region_code and t.id = d.duplicate_of order by d.id desc limit 1`,
    );
    const merged = (await get(`/api/cases/${duplicate!.case_no}`)).json();
    expect(merged).toMatchObject({ status: 'duplicate', duplicateOf: duplicate!.target });
    expect(merged.events.at(-1)).toMatchObject({ action: 'merge', details: { duplicateOf: duplicate!.target } });
    expect((await get(`/api/cases/${duplicate!.target}`)).json().duplicates).toContain(duplicate!.case_no);
  });

  it("shows a handler only the department's cases, and the suspended ones with their request", async () => {
    const handler = await signIn(t.app, { roles: ['department'], department: 'chengguan' });
    const mine = (await get('/api/cases?pageSize=200', handler)).json();
    expect(mine.total).toBeGreaterThan(0);
    expect(mine.items.every((i: { department: string }) => i.department === 'chengguan')).toBe(true);
    const suspended = await queryOne<{ case_no: string }>(
      ctx().db,
      sql`select case_no from cases_case where suspended_at is not null limit 1`,
    );
    const view = (await get(`/api/cases/${suspended!.case_no}`, handler)).json();
    expect(view.clock).toMatchObject({ suspended: true, overdue: false });
    expect(view.events.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['request_suspension', 'decide_request']),
    );
  });

  it('does nothing when the county already has cases', async () => {
    const before = await Promise.all(
      (['cases_case', 'cases_event', 'cases_photo', 'cases_request'] as const).map((table) => countRows(ctx(), table)),
    );
    await tx(ctx(), (x) => demoCasesSeed.run(x, demoOptions, recordingProgress()));
    const after = await Promise.all(
      (['cases_case', 'cases_event', 'cases_photo', 'cases_request'] as const).map((table) => countRows(ctx(), table)),
    );
    expect(after).toEqual(before);
  });

  it('writes no audit rows for the imported history, and the audit chain still verifies', async () => {
    const audited = await queryRows<{ n: number }>(
      ctx().db,
      sql`select count(*)::int as n from audit_event where object_type = 'case'`,
    );
    expect(audited[0]!.n).toBe(0);
    expect(await verifyAuditChain(ctx().db, '430225')).toMatchObject({ ok: true });
  });

  describe('determinism', () => {
    let other: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
    afterAll(async () => {
      await other?.drop();
    });

    it('gives the same rows for the same seed on a fresh database, and other cases for another seed', async () => {
      other = await createTestDatabase(t.db.engine);
      const otherCtx = systemCtx(other.database, { countyCode: '430225', keyring: testKeyring() }, { clock: t.clock });
      await seedCaseHistory(otherCtx);
      expect(await historyDigest(otherCtx)).toEqual(await historyDigest(ctx()));
      const setup = await loadDemoSetup(ctx());
      const fingerprint = (seed: number) =>
        planCaseHistory(setup, 'small', seed)
          .slice(0, 50)
          .map((h) => `${h.row.categoryCode}${h.row.reportedAt.toISOString()}${h.row.address}`)
          .join();
      expect(fingerprint(7)).not.toBe(fingerprint(demoOptions.seed));
    }, 180_000);
  });
});
