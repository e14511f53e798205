import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { shanghaiOffsetMs } from '../../../platform/calendar/shanghai-time.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Locale } from '../../../platform/i18n/locale.ts';
import { listSubtreeLevel } from '../../../platform/regions/regions.store.ts';
import { translate } from '../../../platform/i18n/translate.ts';
import { listCategoryTitles } from '../catalogue/catalogue-titles.store.ts';
import { listDepartments } from '../departments.store.ts';
import type { ExportedCase } from './export.store.ts';

export const exportColumns = [
  'caseNo',
  'categoryCode',
  'category',
  'status',
  'channel',
  'township',
  'address',
  'department',
  'reportedAt',
  'registeredAt',
  'dispatchedAt',
  'handledAt',
  'closedAt',
  'handleDueAt',
  'closedOnTime',
  'reworkCount',
  'escalationLevel',
  'satisfaction',
] as const;
type Column = (typeof exportColumns)[number];

const timeColumns = new Set<Column>([
  'reportedAt',
  'registeredAt',
  'dispatchedAt',
  'handledAt',
  'closedAt',
  'handleDueAt',
]);

/** Names the file needs, loaded once for the whole county (a few hundred rows), not per batch. */
export interface ExportNames {
  category(version: string, code: string): string;
  township(code: string): string;
  department(key: string | null): string;
}

export async function loadExportNames(ctx: Ctx): Promise<ExportNames> {
  const en = ctx.locale === 'en';
  const categories = await listCategoryTitles(ctx.db, ctx.countyCode);
  const townships = await listSubtreeLevel(ctx.db, ctx.countyCode, 'township');
  const departments = await listDepartments(ctx.db, ctx.countyCode);
  const categoryMap = new Map(categories.map((r) => [`${r.version}/${r.code}`, en ? r.titleEn : r.titleZh]));
  const townshipMap = new Map(townships.map((r) => [r.code, r.name]));
  const departmentMap = new Map(departments.map((r) => [r.key, en ? r.titleEn : r.titleZh]));
  return {
    category: (version, code) => categoryMap.get(`${version}/${code}`) ?? code,
    township: (code) => townshipMap.get(code) ?? code,
    department: (key) => (key === null ? '' : (departmentMap.get(key) ?? key)),
  };
}

/**
 * A date cell showing the Shanghai wall clock: Excel dates carry no zone, so the instant is shifted by +8 h
 * and formatted; the cell sorts and filters as a date in Excel and WPS.
 */
function shanghaiCell(at: Date | null): Date | null {
  return at === null ? null : new Date(at.getTime() + shanghaiOffsetMs);
}

export function exportCells(
  row: ExportedCase,
  names: ExportNames,
  locale: Locale,
): Record<Column, string | number | Date | null> {
  const t = (key: string) => translate(locale, key);
  return {
    caseNo: row.caseNo,
    categoryCode: row.categoryCode,
    category: names.category(row.catalogueVersion, row.categoryCode),
    status: t(`cases.status.${row.status}`),
    channel: t(`cases.export.channel.${row.channel}`),
    township: names.township(row.townshipCode),
    address: row.address,
    department: names.department(row.department),
    reportedAt: shanghaiCell(row.reportedAt),
    registeredAt: shanghaiCell(row.registeredAt),
    dispatchedAt: shanghaiCell(row.dispatchedAt),
    handledAt: shanghaiCell(row.handledAt),
    // Rejected and merged cases also carry closed_at (the day they were set aside); 结案时间 is for 结案 only.
    closedAt: row.status === 'closed' ? shanghaiCell(row.closedAt) : null,
    handleDueAt: shanghaiCell(row.handleDueAt),
    closedOnTime: row.closedOnTime === null ? null : t(row.closedOnTime ? 'cases.export.yes' : 'cases.export.no'),
    reworkCount: row.reworkCount,
    escalationLevel: row.escalationLevel,
    satisfaction: row.satisfaction,
  };
}

/**
 * Streams the workbook into `out` with exceljs's WorkbookWriter: each row is committed (serialised and
 * released) as soon as it is added, so memory holds one batch of cases, not the file.
 */
export async function writeCaseWorkbook(
  out: Writable,
  rows: AsyncIterable<ExportedCase>,
  names: ExportNames,
  locale: Locale,
): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(translate(locale, 'cases.export.sheet_name'), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = exportColumns.map((column) => ({
    key: column,
    header: translate(locale, `cases.export.column.${column}`),
    width:
      column === 'address'
        ? 36
        : timeColumns.has(column)
          ? 19
          : column === 'category' || column === 'department'
            ? 18
            : 12,
    ...(timeColumns.has(column) ? { style: { numFmt: 'yyyy-mm-dd hh:mm:ss' } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  let written = 0;
  for await (const row of rows) {
    sheet.addRow(exportCells(row, names, locale)).commit();
    written += 1;
  }
  sheet.commit();
  await workbook.commit();
  return written;
}
