import { assertNotMaker } from '../../platform/access/separation.ts';
import type { Ctx } from '../../platform/context.ts';
import { applyAction } from './apply-action.ts';
import { checkPhotos, storePhotos, uploadOwnerOf } from './case-photos.ts';
import { makersOf } from './cases.policy.ts';
import type { ActionBody } from './cases.schema.ts';
import type { CaseRow } from './cases.store.ts';
import { distanceM } from './geo.ts';

/**
 * 核查: an inspector who did not handle the case checks it on site. Pass closes it (按期 when the feedback came
 * before the handling deadline); fail sends it back to the department as 返工 with a fresh handling clock,
 * while 按期 stays judged on the original deadline.
 */
export async function verifyCase(ctx: Ctx, caseNo: string, body: ActionBody<'verify'>): Promise<CaseRow> {
  const photos = await checkPhotos(body.photos ?? [], { count: { min: 0, max: 9 }, owner: uploadOwnerOf(ctx) });
  const action = body.passed ? 'verify_pass' : 'verify_fail';
  return applyAction(ctx, caseNo, action, body.revision, async (env) => {
    await assertNotMaker(env.t, makersOf(action, env.row, undefined), { objectType: 'case', objectId: caseNo, action });
    const now = env.t.clock();
    const { lng, lat } = env.row;
    const onSite =
      body.lng !== undefined && body.lat !== undefined && lng !== null && lat !== null
        ? Math.round(distanceM({ lng, lat }, { lng: body.lng, lat: body.lat }))
        : null;
    const details = { passed: body.passed, photos: photos.count, distanceFromCaseM: onSite };
    const after = async (t: Ctx, updated: CaseRow) => {
      await storePhotos(t, updated.id, 'verify', photos);
    };
    if (body.passed) {
      const onTime =
        env.row.handledAt !== null && env.row.handleDueAt !== null && env.row.handledAt <= env.row.handleDueAt;
      return {
        set: { status: 'closed', closedAt: now, closedOnTime: onTime, ...(await env.clockFor('closed')) },
        note: body.note ?? null,
        details,
        after,
      };
    }
    return {
      set: {
        status: 'dispatched',
        reworkCount: env.row.reworkCount + 1,
        handledAt: null,
        ...(await env.clockFor('dispatched')),
      },
      note: body.note ?? null,
      details,
      after,
    };
  });
}
