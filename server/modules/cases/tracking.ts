import { recordAudit } from '../../platform/audit/audit.ts';
import { requireInScope } from '../../platform/access/scope.ts';
import type { Ctx } from '../../platform/context.ts';
import { emitEvent } from '../../platform/delivery/outbox.ts';
import { tx } from '../../platform/db/tx.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { loadCaseLookups } from './case-lookups.ts';
import { CaseScope } from './case-scope.ts';
import { plainCategoryName } from './public-form.ts';
import type { RateInput, TrackingDto } from './cases.schema.ts';
import { findPhoto, listPhotoIds, photoHeldElsewhere } from './case-photos.store.ts';
import {
  appendCaseEvent,
  findCaseByNo,
  findMergedInto,
  listStepsOf,
  type ScopedCase,
  updateCaseIf,
} from './cases.store.ts';
import { trackingTokenHash } from './report-case.ts';
import { presentTracking, publicActions } from './tracking.presenter.ts';

function tokenError(): AppError {
  return new AppError(
    403,
    'token_mismatch',
    'cases.token_mismatch',
    {},
    { 'x-case-token': { key: 'cases.token_mismatch' } },
  );
}

/** The reporter's case: unknown numbers and wrong tokens get the same answer, so numbers cannot be probed. */
export async function caseOfReporter(ctx: Ctx, caseNo: string, token: string): Promise<ScopedCase> {
  const row = await findCaseByNo(ctx.db, ctx.countyCode, caseNo, CaseScope.publicTracking(trackingTokenHash(token)));
  if (!row) throw tokenError();
  return row;
}

/** The case whose progress the reporter sees: the one a merged report joined, else their own. */
async function followedCase(ctx: Ctx, own: ScopedCase): Promise<ScopedCase> {
  return (await findMergedInto(ctx.db, own)) ?? own;
}

/** The tracking page: a merged report follows the case it joined, whose steps and result photos it shows. */
export async function trackCase(ctx: Ctx, caseNo: string, token: string): Promise<TrackingDto> {
  const own = await caseOfReporter(ctx, caseNo, token);
  const followed = await followedCase(ctx, own);
  const events = await listStepsOf(ctx.db, [own, followed], publicActions);
  const photos = await listPhotoIds(ctx.db, followed, 'handle');
  const lookups = await loadCaseLookups(ctx, [own]);
  const categoryName = plainCategoryName(
    own.categoryCode,
    ctx.locale,
    lookups.categoryName(own.catalogueVersion, own.categoryCode),
  );
  return presentTracking({ own, followed, steps: events, resultPhotos: photos, categoryName });
}

/** A photo of the reporter's case or of the case it joined; another case's photo is an audited 404, like a missing one. */
export async function reporterPhoto(
  ctx: Ctx,
  caseNo: string,
  token: string,
  photoId: string,
  variant: 'content' | 'thumbnail',
) {
  const own = await caseOfReporter(ctx, caseNo, token);
  const followed = await followedCase(ctx, own);
  return requireInScope(
    ctx,
    { objectType: 'case_photo', objectId: photoId, what: 'what.case_photo' },
    async () =>
      (await findPhoto(ctx.db, followed, photoId, variant)) ?? (await findPhoto(ctx.db, own, photoId, variant)),
    async () =>
      (await photoHeldElsewhere(ctx.db, own, photoId, null)) &&
      (followed === own || (await photoHeldElsewhere(ctx.db, followed, photoId, null))),
  );
}

/** 回访: the reporter rates the result once the case (or the case it joined) is closed. */
export async function rateCase(ctx: Ctx, caseNo: string, token: string, input: RateInput): Promise<TrackingDto> {
  await tx(ctx, async (t) => {
    const own = await caseOfReporter(t, caseNo, token);
    const followed = await followedCase(t, own);
    if (followed.status !== 'closed')
      throw new AppError(
        409,
        'action_not_allowed',
        'cases.action_not_allowed',
        { status: `cases.status.${followed.status}` },
        { score: { key: 'cases.action_not_allowed', vars: { status: `cases.status.${followed.status}` } } },
      );
    if (own.satisfaction !== null) throw AppError.field('score', 'cases.already_rated');
    const now = t.clock();
    const updated = await updateCaseIf(t.db, own, {
      satisfaction: input.score,
      satisfactionComment: input.comment?.trim() || null,
      ratedAt: now,
      updatedAt: now,
    });
    if (!updated) throw AppError.field('score', 'cases.already_rated');
    await appendCaseEvent(t.db, t.countyCode, own.id, {
      action: 'rate',
      at: now,
      actorKind: 'reporter',
      actorId: null,
      fromStatus: own.status,
      toStatus: own.status,
      details: { score: input.score },
    });
    await recordAudit(t, {
      eventType: 'cases.rate',
      action: 'rate',
      objectType: 'case',
      objectId: caseNo,
      details: { score: input.score },
    });
    await emitEvent(t, { topic: 'case.rated', objectType: 'case', objectId: caseNo, payload: { score: input.score } });
  });
  return trackCase(ctx, caseNo, token);
}
