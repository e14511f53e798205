import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Locale } from '../i18n/locale.ts';
import { translate } from '../i18n/translate.ts';
import type { AuditRow } from './chain.ts';

/** The columns of an export: every stored field, evidence first, hashes last. */
export const exportColumns = [
  'seq',
  'occurredAt',
  'eventType',
  'action',
  'outcome',
  'actorId',
  'actorName',
  'actorRoles',
  'sessionId',
  'requestId',
  'sourceIp',
  'userAgent',
  'objectType',
  'objectId',
  'reasonCode',
  'details',
  'regionCode',
  'id',
  'chain',
  'prevSeq',
  'prevHash',
  'hash',
] as const;

type Column = (typeof exportColumns)[number];

export function exportHeaders(locale: Locale): string[] {
  return exportColumns.map((column) => translate(locale, `audit.column.${column}`));
}

/** Values as stored, as text, so an auditor can match them with the API and recompute hashes. */
export function exportCells(row: AuditRow): Record<Column, string | number> {
  return {
    seq: Number(row.seq),
    occurredAt: shanghaiTime(row.occurredAt),
    eventType: row.eventType,
    action: row.action,
    outcome: row.outcome,
    actorId: row.actorId ?? '',
    actorName: row.actorName ?? '',
    actorRoles: row.actorRoles.join(','),
    sessionId: row.sessionId ?? '',
    requestId: row.requestId ?? '',
    sourceIp: row.sourceIp ?? '',
    userAgent: row.userAgent ?? '',
    objectType: row.objectType ?? '',
    objectId: row.objectId ?? '',
    reasonCode: row.reasonCode ?? '',
    details: JSON.stringify(row.details),
    regionCode: row.regionCode,
    id: row.id,
    chain: Number(row.chain),
    prevSeq: row.prevSeq === null ? '' : Number(row.prevSeq),
    prevHash: row.prevHash,
    hash: row.hash,
  };
}

/**
 * Shown in China Standard Time (DESIGN rule 6) but with its offset, so the instant is never ambiguous.
 * Asia/Shanghai has had no daylight saving since 1991: a fixed +08:00 is exact.
 */
export function shanghaiTime(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().replace('Z', '+08:00');
}

const excelTextLimit = 32_767;

/** A real workbook, written by exceljs's streaming writer so 50,000 rows do not sit in memory as cells. */
export async function writeXlsx(rows: AsyncIterable<AuditRow>, locale: Locale): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(translate(locale, 'audit.sheet_name'), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = exportColumns.map((column, index) => ({
    key: column,
    header: exportHeaders(locale)[index],
    width: column === 'details' || column.endsWith('Hash') || column === 'hash' ? 48 : 20,
  }));
  sheet.getRow(1).font = { bold: true };
  for await (const row of rows) {
    const cells = exportCells(row);
    for (const column of exportColumns) {
      const value = cells[column];
      if (typeof value === 'string' && value.length > excelTextLimit)
        cells[column] = `${value.slice(0, excelTextLimit - 1)}…`;
    }
    sheet.addRow(cells).commit();
  }
  sheet.commit();
  await workbook.commit();
  await finished;
  return Buffer.concat(chunks);
}

/**
 * CSV in UTF-8 with a byte-order mark: without it Excel on Chinese Windows reads the file as GBK and the
 * names come out garbled. RFC 4180 quoting; text that a spreadsheet would run as a formula is prefixed
 * with an apostrophe (OWASP CSV injection), which is why the xlsx is the format to recompute hashes from.
 */
export async function writeCsv(rows: AsyncIterable<AuditRow>, locale: Locale): Promise<Buffer> {
  const lines = [exportHeaders(locale).map(csvField).join(',')];
  for await (const row of rows) {
    const cells = exportCells(row);
    lines.push(exportColumns.map((column) => csvField(cells[column])).join(','));
  }
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8')]);
}

function csvField(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
