import { randomUUID } from 'node:crypto';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { addDays, type LocalDate, shanghaiDayOf, shanghaiYearOf } from '../../../platform/calendar/shanghai-time.ts';
import type { Ctx } from '../../../platform/context.ts';
import { tx } from '../../../platform/db/tx.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { knownRegion } from '../../../platform/regions/known-region.ts';
import type { MerchantRow } from '../merchants.store.ts';
import { loadVisibleMerchant } from '../read-merchants.ts';
import { getAgreement, loadVisibleAgreement } from './agreement-read.ts';
import { isDay, maxTermDays, termEndOf } from './agreement-term.ts';
import type { AgreementView, DraftBody, DraftEditBody } from './agreements.schema.ts';
import {
  activeTemplate,
  type AgreementRow,
  agreementsOfMerchant,
  deleteDraft,
  draftOfMerchant,
  insertAgreement,
  updateAgreement,
} from './agreements.store.ts';

export function staleAgreement(): AppError {
  return new AppError(
    409,
    'stale_revision',
    'merchants.agreements.revision_stale',
    {},
    {
      revision: { key: 'merchants.agreements.revision_stale' },
    },
  );
}

interface DraftTerms {
  zoneLengthDm: number;
  zoneDepthDm: number;
  zoneDescription: string;
  villageCode: string;
  termStart: LocalDate;
  termEnd: LocalDate;
}

/** The zone, the signing village and the term, checked against the merchant (its township) and the template. */
async function draftTerms(
  ctx: Ctx,
  merchant: MerchantRow,
  body: DraftBody,
  defaults: { termStart: LocalDate; termMonths: number },
): Promise<DraftTerms> {
  const termStart = body.termStart ?? defaults.termStart;
  const termEnd = body.termEnd ?? termEndOf(termStart, defaults.termMonths);
  if (!isDay(termStart)) throw AppError.field('termStart', 'field.invalid');
  if (!isDay(termEnd)) throw AppError.field('termEnd', 'field.invalid');
  if (termEnd < termStart) throw AppError.field('termEnd', 'merchants.agreements.term_order');
  if (termEnd > addDays(termStart, maxTermDays)) throw AppError.field('termEnd', 'merchants.agreements.term_too_long');
  const villageCode = body.villageCode ?? merchant.locationCode;
  if (villageCode.slice(0, 9) !== merchant.townshipCode) {
    throw AppError.field('villageCode', 'merchants.agreements.village_outside');
  }
  const village = await knownRegion(ctx, villageCode);
  if (!village || (village.level !== 'village' && village.level !== 'township')) {
    throw AppError.field('villageCode', 'merchants.agreements.village_outside');
  }
  return {
    zoneLengthDm: Math.max(1, Math.round(body.zoneLengthM * 10)),
    zoneDepthDm: Math.max(1, Math.round(body.zoneDepthM * 10)),
    zoneDescription: body.zoneDescription.trim(),
    villageCode,
    termStart,
    termEnd,
  };
}

/**
 * 拟定责任书: a draft for the merchant from the active template version (its duties and clauses copied), with the
 * zone, the signing village and the term. One draft per merchant at a time; a deregistered merchant gets none.
 * `renews`: the signed agreement this one follows (its term starts the day after that one ends, unless given).
 */
export async function drawUpAgreement(
  ctx: Ctx,
  merchantId: string,
  body: DraftBody,
  renews: AgreementRow | null = null,
): Promise<AgreementView> {
  const id = randomUUID();
  await tx(ctx, async (t) => {
    const merchant = await loadVisibleMerchant(t, merchantId);
    if (merchant.status === 'closed') throw AppError.field('merchantId', 'merchants.agreements.merchant_closed');
    const template = await activeTemplate(t.db, t.countyCode);
    if (!template) throw new AppError(409, 'no_template', 'merchants.agreements.no_active_template');
    const existing = await draftOfMerchant(t.db, t.countyCode, merchant.id);
    if (existing) {
      throw new AppError(409, 'draft_exists', 'merchants.agreements.draft_exists', {
        agreementNo: existing.agreementNo,
      });
    }
    const today = shanghaiDayOf(t.clock());
    const start = renews ? laterOf(addDays(renews.termEnd, 1), today) : today;
    const terms = await draftTerms(t, merchant, body, { termStart: start, termMonths: template.termMonths });
    const now = t.clock();
    const stored = await insertAgreement(
      t.db,
      {
        regionCode: t.countyCode,
        id,
        merchantId: merchant.id,
        templateVersion: template.version,
        title: template.title,
        duties: template.duties,
        clauses: template.clauses,
        ...terms,
        townshipCode: merchant.townshipCode,
        status: 'draft',
        renews: renews?.id ?? null,
        createdAt: now,
        createdBy: t.actor?.kind === 'user' ? t.actor.id : null,
        updatedAt: now,
      },
      shanghaiYearOf(now),
    );
    await recordAudit(t, {
      eventType: renews ? 'merchants.agreement.renew' : 'merchants.agreement.draw_up',
      action: 'create',
      objectType: 'agreement',
      objectId: id,
      details: {
        agreementNo: stored.agreementNo,
        merchantNo: merchant.merchantNo,
        template: template.version,
        renews: renews?.agreementNo,
      },
    });
  });
  return getAgreement(ctx, id);
}

/** 续签: a signed agreement gets a successor drawn up with the same zone unless the body changes it. */
export async function renewAgreement(ctx: Ctx, agreementId: string, body: Partial<DraftBody>): Promise<AgreementView> {
  const old = await loadVisibleAgreement(ctx, agreementId);
  if (old.status !== 'signed') throw AppError.field('agreementId', 'merchants.agreements.not_signed');
  const renewed = (await agreementsOfMerchant(ctx.db, ctx.countyCode, old.merchantId)).some(
    (row) => row.renews === old.id && row.status === 'signed',
  );
  if (renewed) throw new AppError(409, 'renewed', 'merchants.agreements.renewal_exists');
  return drawUpAgreement(
    ctx,
    old.merchantId,
    {
      zoneLengthM: body.zoneLengthM ?? old.zoneLengthDm / 10,
      zoneDepthM: body.zoneDepthM ?? old.zoneDepthDm / 10,
      zoneDescription: body.zoneDescription ?? old.zoneDescription,
      villageCode: body.villageCode ?? old.villageCode,
      ...(body.termStart ? { termStart: body.termStart } : {}),
      ...(body.termEnd ? { termEnd: body.termEnd } : {}),
    },
    old,
  );
}

/** Changes a draft's zone, village or term (the wording stays the template version it was drawn up from). */
export async function editDraft(ctx: Ctx, agreementId: string, body: DraftEditBody): Promise<AgreementView> {
  await tx(ctx, async (t) => {
    const draft = await loadVisibleAgreement(t, agreementId);
    if (draft.status !== 'draft') throw AppError.field('agreementId', 'merchants.agreements.not_draft');
    const merchant = await loadVisibleMerchant(t, draft.merchantId);
    const terms = await draftTerms(t, merchant, body, { termStart: draft.termStart, termMonths: 12 });
    const updated = await updateAgreement(t.db, t.countyCode, draft.id, body.revision, {
      ...terms,
      updatedAt: t.clock(),
    });
    if (!updated) throw staleAgreement();
    await recordAudit(t, {
      eventType: 'merchants.agreement.edit',
      action: 'update',
      objectType: 'agreement',
      objectId: draft.id,
      details: { agreementNo: draft.agreementNo },
    });
  });
  return getAgreement(ctx, agreementId);
}

/** Discards a draft never signed (a paper drawn up by mistake); signed agreements are only ever terminated. */
export async function discardDraft(ctx: Ctx, agreementId: string, revision: number): Promise<void> {
  await tx(ctx, async (t) => {
    const draft = await loadVisibleAgreement(t, agreementId);
    if (draft.status !== 'draft') throw AppError.field('agreementId', 'merchants.agreements.not_draft');
    if (!(await deleteDraft(t.db, t.countyCode, draft.id, revision))) throw staleAgreement();
    await recordAudit(t, {
      eventType: 'merchants.agreement.discard',
      action: 'delete',
      objectType: 'agreement',
      objectId: draft.id,
      details: { agreementNo: draft.agreementNo },
    });
  });
}

function laterOf(a: LocalDate, b: LocalDate): LocalDate {
  return a > b ? a : b;
}
