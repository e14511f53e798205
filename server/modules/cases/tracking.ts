import { timingSafeEqual } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { casesEvent, casesPhoto } from '../../db/schema/cases.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { emitEvent } from '../../platform/delivery/outbox.ts';
import { tx } from '../../platform/db/tx.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { loadCaseLookups } from './case-lookups.ts';
import './cases.messages.ts';
import { plainCategoryName } from './public-form.ts';
import type { RateInput, TrackingDto } from './cases.schema.ts';
import { appendCaseEvent, type CaseRow, findCaseById, findCaseByNo, findPhoto, updateCaseIf } from './cases.store.ts';
import { trackingTokenHash } from './report-case.ts';

/** Which timeline entries a reporter sees: the status steps, never staff notes on internal requests. */
const publicActions = ['report', 'register', 'reject', 'merge', 'dispatch', 'feedback', 'verify_pass', 'verify_fail', 'rate'];

function tokenError(): AppError {
  return new AppError(403, 'token_mismatch', 'cases.token_mismatch', {}, { 'x-case-token': { key: 'cases.token_mismatch' } });
}

/** The reporter's case: unknown numbers and wrong tokens get the same answer, so numbers cannot be probed. */
export async function caseOfReporter(ctx: Ctx, caseNo: string, token: string): Promise<CaseRow> {
  const row = await findCaseByNo(ctx.db, ctx.countyCode, caseNo);
  const expected = Buffer.from(row?.trackingTokenHash ?? '0'.repeat(64), 'hex');
  const given = Buffer.from(trackingTokenHash(token), 'hex');
  if (!row || !timingSafeEqual(expected, given)) throw tokenError();
  return row;
}

/** The tracking page: a merged report follows the case it joined, whose steps and result photos it shows. */
export async function trackCase(ctx: Ctx, caseNo: string, token: string): Promise<TrackingDto> {
  const own = await caseOfReporter(ctx, caseNo, token);
  const followed = own.duplicateOf === null ? own : ((await findCaseById(ctx.db, ctx.countyCode, own.duplicateOf)) ?? own);
  const events = await ctx.db
    .select()
    .from(casesEvent)
    .where(and(eq(casesEvent.regionCode, ctx.countyCode), inArray(casesEvent.caseId, [...new Set([own.id, followed.id])]), inArray(casesEvent.action, publicActions)))
    .orderBy(asc(casesEvent.at), asc(casesEvent.seq));
  const photos = await ctx.db
    .select({ id: casesPhoto.id })
    .from(casesPhoto)
    .where(and(eq(casesPhoto.regionCode, ctx.countyCode), eq(casesPhoto.caseId, followed.id), eq(casesPhoto.stage, 'handle')))
    .orderBy(asc(casesPhoto.sortOrder));
  const lookups = await loadCaseLookups(ctx, [own]);
  return {
    caseNo: own.caseNo,
    status: followed.status,
    categoryName: plainCategoryName(own.categoryCode, ctx.locale, lookups.categoryName(own.catalogueVersion, own.categoryCode)),
    address: own.address,
    reportedAt: own.reportedAt.toISOString(),
    closedAt: followed.closedAt?.toISOString() ?? null,
    dueAt: followed.handleDueAt?.toISOString() ?? null,
    followsCaseNo: followed.id === own.id ? null : followed.caseNo,
    steps: events.filter((e) => e.toStatus !== null).map((e) => ({ at: e.at.toISOString(), status: e.toStatus as TrackingDto['status'], note: e.action === 'reject' ? e.note : null })),
    resultPhotos: photos.map((p) => p.id),
    satisfaction: own.satisfaction,
    canRate: followed.status === 'closed' && own.satisfaction === null,
  };
}

export async function reporterPhoto(ctx: Ctx, caseNo: string, token: string, photoId: string, variant: 'content' | 'thumbnail') {
  const own = await caseOfReporter(ctx, caseNo, token);
  const caseId = own.duplicateOf ?? own.id;
  const photo = (await findPhoto(ctx.db, ctx.countyCode, caseId, photoId, variant)) ?? (await findPhoto(ctx.db, ctx.countyCode, own.id, photoId, variant));
  if (!photo) throw AppError.notFound('what.case_photo');
  return photo;
}

/** 回访: the reporter rates the result once the case (or the case it joined) is closed. */
export async function rateCase(ctx: Ctx, caseNo: string, token: string, input: RateInput): Promise<TrackingDto> {
  await tx(ctx, async (t) => {
    const own = await caseOfReporter(t, caseNo, token);
    const followed = own.duplicateOf === null ? own : await findCaseById(t.db, t.countyCode, own.duplicateOf);
    if (followed?.status !== 'closed') throw new AppError(409, 'action_not_allowed', 'cases.action_not_allowed', { status: `cases.status.${followed?.status ?? own.status}` }, { score: { key: 'cases.action_not_allowed', vars: { status: `cases.status.${followed?.status ?? own.status}` } } });
    if (own.satisfaction !== null) throw AppError.field('score', 'cases.already_rated');
    const now = t.clock();
    const updated = await updateCaseIf(t.db, own, { satisfaction: input.score, satisfactionComment: input.comment?.trim() || null, ratedAt: now, updatedAt: now });
    if (!updated) throw AppError.field('score', 'cases.already_rated');
    await appendCaseEvent(t.db, t.countyCode, own.id, { action: 'rate', at: now, actorKind: 'reporter', actorId: null, fromStatus: own.status, toStatus: own.status, details: { score: input.score } });
    await recordAudit(t, { eventType: 'cases.rate', action: 'rate', objectType: 'case', objectId: caseNo, details: { score: input.score } });
    await emitEvent(t, { topic: 'case.rated', objectType: 'case', objectId: caseNo, payload: { score: input.score } });
  });
  return trackCase(ctx, caseNo, token);
}
