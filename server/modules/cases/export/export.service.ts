import { PassThrough, type Readable } from 'node:stream';
import { recordAuditOutside } from '../../../platform/audit/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { caseListWhere } from '../case-filters.sql.ts';
import { caseVisibilityOf } from '../cases.policy.ts';
import type { CaseExportQueryInput } from './export.schema.ts';
import { casesForExport, countForExport } from './export.store.ts';
import { loadExportNames, writeCaseWorkbook } from './export.xlsx.ts';

export interface ExportLimits {
  /** One file holds at most this many cases; beyond it the user narrows the filter (a clear 400). */
  maxRows: number;
  /** Cases read per query while the file is written. */
  batchSize: number;
}

/** 200,000 rows is ~15 MB of xlsx: a county's whole history at the source page's scale, in one sheet. */
export const defaultExportLimits: ExportLimits = { maxRows: 200_000, batchSize: 2_000 };

export interface CaseListFile {
  rowCount: number;
  fileName: string;
  body: Readable;
}

/**
 * The list the user is looking at, as an Excel file: the same WHERE as GET /api/cases (visibility first),
 * counted before anything is written so an oversized request is refused, audited with the filter and the
 * row count before the first row leaves, then streamed.
 */
export async function exportCaseList(
  ctx: Ctx,
  query: CaseExportQueryInput,
  limits: ExportLimits = defaultExportLimits,
): Promise<CaseListFile> {
  if (!ctx.actor) throw AppError.unauthenticated();
  const now = ctx.clock();
  const where = caseListWhere(ctx.countyCode, ctx.actor, caseVisibilityOf(ctx.actor), query, now);
  const { total, maxId } = await countForExport(ctx.db, where);
  const audit = { eventType: 'cases.export', action: 'export', objectType: 'case' } as const;
  if (total > limits.maxRows) {
    await recordAuditOutside(ctx, {
      ...audit,
      outcome: 'failure',
      reasonCode: 'too_many_rows',
      details: { filter: query, rowCount: total, limit: limits.maxRows },
    });
    throw new AppError(400, 'export_too_large', 'cases.export.too_large', { total, limit: limits.maxRows });
  }
  await recordAuditOutside(ctx, { ...audit, details: { filter: query, rowCount: total, format: 'xlsx' } });
  const names = await loadExportNames(ctx);
  const body = new PassThrough();
  // Written while the response is sent; a failure half-way aborts the download rather than sending a broken file.
  writeCaseWorkbook(body, casesForExport(ctx.db, where, maxId, limits.batchSize), names, ctx.locale).catch(
    (error: unknown) => body.destroy(error as Error),
  );
  const stamp = new Date(now.getTime() + 8 * 3_600_000)
    .toISOString()
    .slice(0, 19)
    .replace(/[-:]/g, '')
    .replace('T', '-');
  return { rowCount: total, fileName: `cases-${ctx.countyCode}-${stamp}.xlsx`, body };
}
