import type { Ctx } from '../context.ts';
import { AppError } from '../http/app-error.ts';
import { auditDisplayer } from './audit-display.ts';
import { writeCsv, writeXlsx } from './audit.export.ts';
import type { AuditExportQueryDto, AuditSearchQueryDto } from './audit.schema.ts';
import {
  type AuditFilter,
  countAuditEvents,
  latestAuditSeq,
  searchAuditEvents,
  streamAuditEvents,
} from './audit.store.ts';
import { recordAuditOutside } from './audit.ts';
import { type ChainVerification, verifyAuditChain } from './verify.ts';

/** One export holds at most this many rows; beyond it the auditor narrows the filter (a clear 400). */
export const EXPORT_ROW_LIMIT = 50_000;

type FilterQuery = Omit<AuditSearchQueryDto, 'page' | 'pageSize'>;

/** The query's filters as the store takes them; a window that ends before it starts is the caller's error. */
export function filterFromQuery(query: FilterQuery): AuditFilter {
  const from = query.from ? new Date(query.from) : undefined;
  const to = query.to ? new Date(query.to) : undefined;
  if (from && to && to <= from) throw AppError.field('to', 'audit.range_reversed');
  return {
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(query.eventType ? { eventType: query.eventType } : {}),
    ...(query.actorId ? { actorId: query.actorId } : {}),
    ...(query.objectType ? { objectType: query.objectType } : {}),
    ...(query.objectId ? { objectId: query.objectId } : {}),
    ...(query.outcome ? { outcome: query.outcome } : {}),
    ...(query.q ? { q: query.q } : {}),
  };
}

/** The filter as the auditor gave it: what the audit row of a search or export records (never the rows). */
function filterDetails(query: FilterQuery): Record<string, unknown> {
  const { from, to, eventType, actorId, objectType, objectId, outcome, q } = query;
  return Object.fromEntries(
    Object.entries({ from, to, eventType, actorId, objectType, objectId, outcome, q }).filter(
      ([, v]) => v !== undefined,
    ),
  );
}

/**
 * 三员 (A1.3): the audit administrator's own work is audited too, searches included; the search runs first
 * so its own row does not show up in its results.
 */
export async function searchAudit(ctx: Ctx, query: AuditSearchQueryDto) {
  const { page = 1, pageSize = 20, ...filters } = query;
  const result = await searchAuditEvents(ctx.db, ctx.countyCode, filterFromQuery(filters), {
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  await recordAuditOutside(ctx, {
    eventType: 'audit.search',
    action: 'search',
    objectType: 'audit_event',
    details: { filter: filterDetails(filters), page, pageSize, total: result.total },
  });
  return { ...result, page, pageSize };
}

export async function verifyAudit(ctx: Ctx): Promise<ChainVerification> {
  const result = await verifyAuditChain(ctx.db, ctx.countyCode);
  await recordAuditOutside(ctx, {
    eventType: 'audit.verify',
    action: 'verify',
    objectType: 'audit_chain',
    objectId: ctx.countyCode,
    outcome: result.ok ? 'success' : 'failure',
    ...(result.problem ? { reasonCode: result.problem } : {}),
    details: { ...result },
  });
  return result;
}

export interface AuditExport {
  format: 'xlsx' | 'csv';
  body: Buffer;
  rowCount: number;
}

/**
 * AUD-01: every export is audited, with its filter and size but not its rows. The rows are pinned to the
 * chain as it stood when counted, so the file holds exactly what was counted and checked against the limit.
 * The audit row is written before the file is handed over; if it cannot be, nothing is handed over.
 */
export async function exportAudit(ctx: Ctx, query: AuditExportQueryDto): Promise<AuditExport> {
  const { format = 'xlsx', ...filters } = query;
  const filter = { ...filterFromQuery(filters), maxSeq: await latestAuditSeq(ctx.db, ctx.countyCode) };
  const rowCount = await countAuditEvents(ctx.db, ctx.countyCode, filter);
  const audit = { eventType: 'audit.export', action: 'export', objectType: 'audit_event' } as const;
  if (rowCount > EXPORT_ROW_LIMIT) {
    const details = { filter: filterDetails(filters), format, rowCount, limit: EXPORT_ROW_LIMIT };
    await recordAuditOutside(ctx, { ...audit, outcome: 'failure', reasonCode: 'too_many_rows', details });
    throw new AppError(400, 'export_too_large', 'audit.export_too_large', { total: rowCount, limit: EXPORT_ROW_LIMIT });
  }
  const rows = () => streamAuditEvents(ctx.db, ctx.countyCode, filter);
  const displayer = auditDisplayer(ctx.db, ctx.countyCode, ctx.locale);
  const body =
    format === 'csv' ? await writeCsv(rows(), ctx.locale, displayer) : await writeXlsx(rows, ctx.locale, displayer);
  await recordAuditOutside(ctx, { ...audit, details: { filter: filterDetails(filters), format, rowCount } });
  return { format, body, rowCount };
}
