import { PassThrough, type Readable } from 'node:stream';
import { recordAudit, recordAuditOutside } from '../../platform/audit/audit.ts';
import type { Actor, Ctx } from '../../platform/context.ts';
import { tx } from '../../platform/db/tx.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { minReasonLength } from '../../platform/pii/reveal.ts';
import { scrubPersonalNumbers } from '../../platform/pii/scrub.ts';
import { loadMerchantPlaces } from './merchant-places.ts';
import { type OperatorShown, writeMerchantWorkbook } from './merchants-export.xlsx.ts';
import type { MerchantExportQuery } from './merchants-export.schema.ts';
import { revealOperatorPermission } from './merchants.permissions.ts';
import { listMerchants, merchantsForExport } from './merchants.store.ts';
import { scopeAndFilter } from './read-merchants.ts';

export interface MerchantExportLimits {
  /** One file holds at most this many merchants; beyond it the user narrows the filter (a clear 400). */
  maxRows: number;
}

/**
 * 50,000 merchants is more than a county's registry (Yanling's has ~2,400). `merchantsForExport` reads the
 * filter's rows in one query and the file is written from them, so the cap also bounds the memory an export
 * holds (a keyset-batched read would lift it, as the case export does).
 */
export const defaultMerchantExportLimits: MerchantExportLimits = { maxRows: 50_000 };

export interface MerchantListFile {
  rowCount: number;
  fileName: string;
  body: Readable;
}

/** What a reveal through POST /api/pii/reveal of these two fields would record, for the whole file. */
function revealSubject(reason: string, rowCount?: number) {
  return {
    eventType: 'pii.reveal',
    action: 'reveal',
    objectType: 'merchant',
    objectId: 'export.xlsx',
    details: {
      fields: ['operatorName', 'operatorPhone'],
      categories: ['name', 'contact'],
      reason: scrubPersonalNumbers(reason.trim()),
      ...(rowCount === undefined ? {} : { rowCount }),
    },
  } as const;
}

/**
 * The operators in clear take what a reveal takes (pii/reveal.ts): a reason of substance, the route's
 * 'pii.reveal' and the field's own permission; a refusal is audited as a refused reveal. No reason: masked.
 */
async function operatorShown(ctx: Ctx, actor: Actor, reason: string | undefined): Promise<OperatorShown> {
  if (reason === undefined) return 'masked';
  if ([...reason.trim()].length < minReasonLength) {
    throw AppError.field('reason', 'field.min_length', { limit: String(minReasonLength) });
  }
  if (!actor.permissions.has('pii.reveal') || !actor.permissions.has(revealOperatorPermission)) {
    await recordAuditOutside(ctx, { ...revealSubject(reason), outcome: 'failure', reasonCode: 'forbidden' });
    throw AppError.forbidden();
  }
  return 'clear';
}

function stampOf(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
}

/**
 * The registry list the user is looking at, as the import template filled in: the same scope and filters as
 * GET /api/merchants, counted first so an oversized request is refused, audited (with the reveal when the
 * operators are in clear) before the first row leaves, then streamed.
 */
export async function exportMerchants(
  ctx: Ctx,
  query: MerchantExportQuery,
  limits: MerchantExportLimits = defaultMerchantExportLimits,
): Promise<MerchantListFile> {
  if (!ctx.actor) throw AppError.unauthenticated();
  const { reason, ...filters } = query;
  const { scope, filter } = scopeAndFilter(ctx, filters);
  const operator = await operatorShown(ctx, ctx.actor, reason);
  const audit = { eventType: 'merchants.export', action: 'export', objectType: 'merchant' } as const;
  const { total } = await listMerchants(ctx.db, ctx.countyCode, scope, filter, { offset: 0, limit: 1 });
  if (total > limits.maxRows) {
    await recordAuditOutside(ctx, {
      ...audit,
      outcome: 'failure',
      reasonCode: 'too_many_rows',
      details: { filter: filters, rowCount: total, limit: limits.maxRows },
    });
    throw new AppError(400, 'export_too_large', 'merchants.export.too_large', { total, limit: limits.maxRows });
  }
  const rows = await merchantsForExport(ctx.db, ctx.countyCode, scope, filter, limits.maxRows);
  await tx(ctx, async (t) => {
    await recordAudit(t, { ...audit, details: { filter: filters, rowCount: rows.length, format: 'xlsx', operator } });
    if (operator === 'clear' && reason !== undefined) await recordAudit(t, revealSubject(reason, rows.length));
  });
  const places = await loadMerchantPlaces(ctx);
  const body = new PassThrough();
  // Written while the response is sent; a failure half-way aborts the download rather than sending a broken file.
  writeMerchantWorkbook(body, ctx, rows, places, ctx.locale, operator).catch((error: unknown) =>
    body.destroy(error as Error),
  );
  return { rowCount: rows.length, fileName: `merchants-${ctx.countyCode}-${stampOf(ctx.clock())}.xlsx`, body };
}
