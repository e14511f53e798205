import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../testing/test-app.ts';
import { type SignedIn, signIn } from '../../../testing/test-auth.ts';
import { appModules } from '../../index.ts';
import { type CaseActors, miandu, prepareCases, xiayang } from '../cases.test-support.ts';
import { cst, insertCases } from './evaluation.test-support.ts';

const period = 'from=2026-01-01&to=2026-03-31';
/** The figures a row shows that a click opens, as the figures name them. */
const shownMeasures = ['reported', 'registered', 'due', 'closed', 'closedOnTime', 'reworked', 'rated'] as const;

interface Row {
  /** undefined: the total row. */
  key: string | null | undefined;
  name: string;
  overdueOpen: number | null;
  [measure: string]: unknown;
}

describe('综合评价 drill-down: GET /api/cases/evaluation/cases', () => {
  const t = useTestApp({ modules: appModules });
  let who: CaseActors;
  let miandouEvaluator: SignedIn;
  const caseNo: Record<string, string> = {};

  const get = (url: string, actor: SignedIn | null) =>
    t.app.inject({ method: 'GET', url, headers: { ...(actor?.headers ?? {}), 'accept-language': 'zh-CN' } });
  const cases = (query: string, actor: SignedIn = who.dispatcher) => get(`/api/cases/evaluation/cases?${query}`, actor);

  beforeAll(async () => {
    who = await prepareCases(t);
    miandouEvaluator = await signIn(t.app, {
      roles: ['inspector'],
      permissions: ['cases.evaluate'],
      scopeRegion: miandu,
    });
    // The clock stands at Monday 2 March 2026, 09:00 in Yanling.
    const closed = { status: 'closed' as const, department: 'chengguan', categoryCode: '09006' };
    const written = await insertCases(t.db.database.db, [
      // Reported in December, closed on time in January: January's 结案, not its 上报.
      {
        ...closed,
        townshipCode: xiayang,
        reportedAt: cst(2025, 12, 29),
        registeredAt: cst(2025, 12, 29),
        dispatchedAt: cst(2025, 12, 30),
        handleDueAt: cst(2026, 1, 8),
        handledAt: cst(2026, 1, 2),
        closedAt: cst(2026, 1, 3),
        closedOnTime: true,
      },
      {
        ...closed,
        townshipCode: xiayang,
        reportedAt: cst(2026, 1, 5),
        registeredAt: cst(2026, 1, 5, 11),
        dispatchedAt: cst(2026, 1, 6),
        handleDueAt: cst(2026, 1, 12),
        handledAt: cst(2026, 1, 8),
        closedAt: cst(2026, 1, 9),
        closedOnTime: true,
        satisfaction: 5,
      },
      // Closed late after one failed 核查, rated 2.
      {
        ...closed,
        townshipCode: xiayang,
        reportedAt: cst(2026, 1, 20),
        registeredAt: cst(2026, 1, 20, 11),
        dispatchedAt: cst(2026, 1, 21),
        handleDueAt: cst(2026, 1, 26),
        handledAt: cst(2026, 1, 28),
        closedAt: cst(2026, 1, 29),
        closedOnTime: false,
        reworkCount: 1,
        satisfaction: 2,
      },
      // 不予立案: reported only.
      { townshipCode: xiayang, status: 'rejected', reportedAt: cst(2026, 2, 3), closedAt: cst(2026, 2, 3, 11) },
      // Dispatched to 环卫, past its deadline and still open: due, not closed, overdue now.
      {
        townshipCode: xiayang,
        status: 'dispatched',
        department: 'huanwei',
        categoryCode: '07001',
        reportedAt: cst(2026, 2, 10),
        registeredAt: cst(2026, 2, 10, 11),
        dispatchedAt: cst(2026, 2, 11),
        handleDueAt: cst(2026, 2, 20),
        clockStage: 'handle',
        stageDueAt: cst(2026, 2, 20),
      },
      {
        ...closed,
        department: 'huanwei',
        townshipCode: miandu,
        reportedAt: cst(2026, 2, 12),
        registeredAt: cst(2026, 2, 12, 11),
        dispatchedAt: cst(2026, 2, 13),
        handleDueAt: cst(2026, 2, 20),
        handledAt: cst(2026, 2, 14),
        closedAt: cst(2026, 2, 15),
        closedOnTime: true,
        satisfaction: 4,
      },
      // Being handled, its deadline still to come: registered, not due yet.
      {
        townshipCode: xiayang,
        status: 'handling',
        department: 'chengguan',
        reportedAt: cst(2026, 2, 27),
        registeredAt: cst(2026, 2, 27, 11),
        dispatchedAt: cst(2026, 2, 27, 14),
        handleDueAt: cst(2026, 3, 10),
        clockStage: 'handle',
        stageDueAt: cst(2026, 3, 10),
      },
      {
        townshipCode: miandu,
        status: 'reported',
        reportedAt: cst(2026, 3, 2, 8),
        clockStage: 'register',
        stageDueAt: cst(2026, 3, 3, 8),
      },
    ]);
    ['decemberClosed', 'onTime', 'reworked', 'rejected', 'overdue', 'miandouClosed', 'handling', 'miandouNew'].forEach(
      (name, i) => {
        caseNo[name] = written[i]!.caseNo;
      },
    );
  });

  describe('refuses', () => {
    it('401 without a session', async () => {
      expect((await get(`/api/cases/evaluation/cases?${period}&groupBy=township&measure=due`, null)).statusCode).toBe(
        401,
      );
    });

    it('400 for missing, bad, mismatched and unknown parameters, naming the field', async () => {
      const fieldsOf = async (query: string) => {
        const res = await cases(query);
        expect(res.statusCode, `${query}: ${res.body}`).toBe(400);
        return res.json().error.fields ?? {};
      };
      expect(await fieldsOf(`${period}&groupBy=township&group=chengguan&measure=due`)).toEqual({
        group: '分组代码与所选维度不符',
      });
      expect(await fieldsOf(`${period}&groupBy=month&group=2026-01&measure=overdueOpen`)).toHaveProperty('group');
      expect(await fieldsOf(`${period}&groupBy=category&group=-&measure=due`)).toHaveProperty('group');
      expect(await fieldsOf('from=2026-03-31&to=2026-03-01&groupBy=township&measure=due')).toEqual({
        from: '开始日期不能晚于结束日期',
      });
      await fieldsOf(`${period}&groupBy=township`);
      await fieldsOf(`${period}&groupBy=township&measure=closedRate`);
      await fieldsOf(`${period}&groupBy=street&measure=due`);
      await fieldsOf(`${period}&groupBy=township&measure=due&group=1;drop`);
      await fieldsOf(`${period}&groupBy=township&measure=due&pageSize=500`);
      await fieldsOf(`${period}&groupBy=township&measure=due&regionCode=${xiayang}`);
    });

    it('403 for roles without cases.evaluate (department, volunteer, inspector)', async () => {
      for (const actor of [who.handler, who.volunteer, who.inspector])
        expect((await cases(`${period}&groupBy=township&measure=due`, actor)).statusCode).toBe(403);
    });

    it('lists nothing of a township outside the caller’s scope (the rows are simply not theirs)', async () => {
      const res = await cases(`${period}&groupBy=township&group=${xiayang}&measure=reported`, miandouEvaluator);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ total: 0, items: [] });
      const own = (await cases(`${period}&groupBy=township&measure=reported`, miandouEvaluator)).json();
      expect(own.items.map((i: { caseNo: string }) => i.caseNo).sort()).toEqual(
        [caseNo.miandouClosed, caseNo.miandouNew].sort(),
      );
    });
  });

  it('lists as many cases as every figure of every row and of the total shows, in every dimension', async () => {
    for (const groupBy of ['township', 'department', 'category', 'month'] as const) {
      const figures = await get(`/api/cases/evaluation?${period}&groupBy=${groupBy}`, who.dispatcher);
      expect(figures.statusCode, figures.body).toBe(200);
      const { rows, total } = figures.json() as { rows: Row[]; total: Row };
      const all: Row[] = [...rows, { ...total, key: undefined }];
      for (const row of all) {
        const group = row.key === undefined ? '' : `&group=${row.key ?? '-'}`;
        const measures =
          groupBy === 'month' && row.key !== undefined ? shownMeasures : [...shownMeasures, 'overdueOpen'];
        for (const measure of measures) {
          const res = await cases(`${period}&groupBy=${groupBy}${group}&measure=${measure}&pageSize=200`);
          expect(res.statusCode, res.body).toBe(200);
          const body = res.json();
          const at = `${groupBy} ${row.key} ${measure}`;
          expect(body.total, at).toBe(row[measure]);
          expect(body.items.length, at).toBe(row[measure]);
          expect(body.groupName, at).toBe(row.name);
        }
      }
      expect(total.reported, groupBy).toBe(7);
    }
  });

  it('names the cases behind a figure, with what the list shows and the link (case number), a page at a time', async () => {
    const reworked = (await cases(`${period}&groupBy=township&group=${xiayang}&measure=reworked`)).json();
    expect(reworked).toMatchObject({ groupBy: 'township', measure: 'reworked', groupName: '霞阳镇', total: 1 });
    expect(reworked.items).toEqual([
      expect.objectContaining({ caseNo: caseNo.reworked, status: 'closed', townshipName: '霞阳镇', reworkCount: 1 }),
    ]);
    const january = (await cases(`${period}&groupBy=month&group=2026-01&measure=closed`)).json();
    expect(january.items.map((i: { caseNo: string }) => i.caseNo).sort()).toEqual(
      [caseNo.decemberClosed, caseNo.onTime, caseNo.reworked].sort(),
    );
    const notDispatched = (await cases(`${period}&groupBy=department&group=-&measure=reported`)).json();
    expect(notDispatched).toMatchObject({ groupName: '未派遣', total: 2 });
    const overdue = (await cases(`${period}&groupBy=department&group=huanwei&measure=overdueOpen`)).json();
    expect(overdue.items.map((i: { caseNo: string }) => i.caseNo)).toEqual([caseNo.overdue]);
    // Newest report first, a page at a time; the total stays the figure's.
    const first = (await cases(`${period}&groupBy=township&group=${xiayang}&measure=reported&pageSize=2`)).json();
    const second = (
      await cases(`${period}&groupBy=township&group=${xiayang}&measure=reported&pageSize=2&page=2`)
    ).json();
    expect([first.total, second.total, first.page, second.page]).toEqual([5, 5, 1, 2]);
    expect(first.items.map((i: { caseNo: string }) => i.caseNo)).toEqual([caseNo.handling, caseNo.overdue]);
    expect(second.items.map((i: { caseNo: string }) => i.caseNo)).toEqual([caseNo.rejected, caseNo.reworked]);
  });
});
