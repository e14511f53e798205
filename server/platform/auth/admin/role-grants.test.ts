import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../testing/test-app.ts';
import { signIn } from '../../../testing/test-auth.ts';

/**
 * Giving one account both sides of a maker ≠ checker step (issue #9, item 12) goes through — a small office
 * may have one person for both — but answers with a warning and is audited.
 */
describe('role grants: maker ≠ checker overlaps', () => {
  const t = useTestApp();
  const grant = async (sec: { headers: Record<string, string> }, userId: string, roles: string[], language = 'en') =>
    t.app.inject({
      method: 'PUT',
      url: `/api/admin/users/${userId}/roles`,
      headers: { ...sec.headers, 'accept-language': language },
      payload: { roles },
    });
  const lastAssignment = async (userId: string) =>
    (
      await t.db.database.query<{ details: Record<string, unknown> }>(
        "select details from audit_event where event_type = 'roles.assign' and object_id = $1 order by seq desc limit 1",
        [userId],
      )
    )[0]?.details;

  it('roles without an overlap answer with no warning, and the audit row names none', async () => {
    const sec = await signIn(t.app, { roles: ['sec_admin'] });
    const worker = await signIn(t.app, { roles: ['volunteer'] });
    const res = await grant(sec, worker.userId, ['dispatcher', 'inspector']);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ roles: expect.arrayContaining(['dispatcher', 'inspector']), warnings: [] });
    expect(await lastAssignment(worker.userId)).not.toHaveProperty('makerChecker');
  });

  it('专业部门 with 监督员 goes through with a warning about 核查, in the caller’s language, and is audited', async () => {
    const sec = await signIn(t.app, { roles: ['sec_admin'] });
    const worker = await signIn(t.app, { roles: ['volunteer'] });
    const res = await grant(sec, worker.userId, ['department', 'inspector']);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().roles.sort()).toEqual(['department', 'inspector']);
    expect(res.json().warnings).toEqual([
      {
        code: 'maker_checker',
        step: 'cases.verify',
        message: expect.stringContaining(
          'both to hand back handling results and to check and close cases (Department handler, Inspector)',
        ),
      },
    ]);
    expect(await lastAssignment(worker.userId)).toMatchObject({
      added: expect.arrayContaining(['department', 'inspector']),
      makerChecker: ['cases.verify'],
    });
    const zh = await grant(sec, worker.userId, ['department', 'inspector'], 'zh');
    expect(zh.json().warnings[0].message).toContain('“处理反馈”又能“核查结案”（专业部门、监督员/巡查员）');
  });

  it('专业部门 with 派遣员 warns about deciding one’s own extension requests', async () => {
    const sec = await signIn(t.app, { roles: ['sec_admin'] });
    const worker = await signIn(t.app, { roles: ['volunteer'] });
    const res = await grant(sec, worker.userId, ['department', 'dispatcher']);
    expect(res.json().warnings.map((w: { step: string }) => w.step)).toEqual(['cases.decide_request']);
  });
});
