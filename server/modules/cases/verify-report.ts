import { assertNotMaker } from '../../platform/access/separation.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { applyAction } from './apply-action.ts';
import { checkPhotos, storePhotos, uploadOwnerOf } from './case-photos.ts';
import { townshipAtRegistration } from './case-region.ts';
import { makersOf } from './cases.policy.ts';
import type { ActionBody } from './cases.schema.ts';
import type { CaseRow } from './cases.store.ts';
import { distanceM, insideCounty } from './geo.ts';

/**
 * 核实 (数字城管 案卷建立, anchors §3.2): before 立案 the 监督员 of the area checks a public or hotline report on
 * site. The intake sends a report there (or it lands there at report time, verify-report-setting.ts); the
 * 核实 clock runs (`verify_report`, the code's own limit or the county default). A report still waiting for its
 * township gets it here, so it reaches that township's inspectors.
 */
export function sendToVerify(ctx: Ctx, caseNo: string, body: ActionBody<'sendToVerify'>): Promise<CaseRow> {
  return applyAction(ctx, caseNo, 'send_to_verify', body.revision, async (env) => {
    const placed = await townshipAtRegistration(env.t, env.row, body.regionCode);
    return {
      set: { ...placed?.set, ...(await env.clockFor('verifying')) },
      note: body.note ?? null,
      ...(placed ? { details: placed.details } : {}),
    };
  });
}

/**
 * The inspector's finding, with on-site photos and the phone's position (its distance from the reported point
 * goes on the timeline, as for 核查). 属实: back to the intake with a fresh 受理 clock — 立案 stays with the
 * 受理员/值班长, as in 数字城管 — and a report placed by its address alone takes the inspector's position as its
 * point. 不属实: closed as 不予立案 with what was found, which the reporter reads on the tracking page. Whoever
 * reported the case does not verify it (maker ≠ checker).
 */
export async function verifyReport(ctx: Ctx, caseNo: string, body: ActionBody<'verifyReport'>): Promise<CaseRow> {
  const note = body.note?.trim() ?? '';
  if (!body.confirmed && note === '') throw AppError.field('note', 'field.required');
  const photos = await checkPhotos(body.photos, { count: { min: 1, max: 9 }, owner: uploadOwnerOf(ctx) });
  const action = body.confirmed ? 'confirm_report' : 'refute_report';
  return applyAction(ctx, caseNo, action, body.revision, async (env) => {
    await assertNotMaker(env.t, makersOf(action, env.row, undefined), { objectType: 'case', objectId: caseNo, action });
    const position = body.lng !== undefined && body.lat !== undefined ? { lng: body.lng, lat: body.lat } : null;
    const { lng, lat } = env.row;
    const reported = lng !== null && lat !== null ? { lng, lat } : null;
    const onSite = position && reported ? Math.round(distanceM(reported, position)) : null;
    const placeHere = body.confirmed && !reported && position && insideCounty(position, (await env.policy()).bounds);
    const details = {
      confirmed: body.confirmed,
      photos: photos.count,
      distanceFromCaseM: onSite,
      ...(placeHere ? { placedAt: position } : {}),
    };
    const after = async (t: Ctx, updated: CaseRow) => storePhotos(t, updated.id, 'verify_report', photos);
    const verified = verifiedNow(env.row, env.t.clock());
    if (body.confirmed)
      return {
        set: { ...(placeHere ? position : {}), ...verified, ...(await env.clockFor('reported')) },
        note: note || null,
        details,
        after,
      };
    return {
      set: { closingNote: note, closedAt: env.t.clock(), ...verified, ...(await env.clockFor('rejected')) },
      note,
      details,
      after,
    };
  });
}

/**
 * When this 核实 was answered and whether it came within the 核实 clock's limit (due time included, as
 * overdue is "past due"): 按时核实率's facts. A later 核实 of the same report (sent again) replaces them.
 */
function verifiedNow(row: CaseRow, now: Date): Pick<CaseRow, 'reportVerifiedAt' | 'reportVerifiedOnTime'> {
  const due = row.clockStage === 'verify_report' ? row.stageDueAt : null;
  return { reportVerifiedAt: now, reportVerifiedOnTime: due === null || now <= due };
}
