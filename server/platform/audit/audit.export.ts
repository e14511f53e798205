import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Locale } from '../i18n/locale.ts';
import { translate } from '../i18n/translate.ts';
import type { AuditDisplay, auditDisplayer } from './audit-display.ts';
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

/**
 * What an export shows first, entirely in the reader's language: when, what, how it ended, who (公众 for the
 * residents' pages), in which roles, on what, from where. The stored codes follow in the evidence columns.
 */
export const readableColumns = [
  'seq',
  'occurredAt',
  'event',
  'outcome',
  'actor',
  'actorRoles',
  'object',
  'sourceIp',
] as const;
type ReadableColumn = (typeof readableColumns)[number];

/** In a CSV (one sheet) the words come with the ids and hashes that tie each line to the chain. */
const csvEvidence = ['id', 'chain', 'prevSeq', 'prevHash', 'hash'] as const;

export function readableCells(row: AuditRow, display: AuditDisplay): Record<ReadableColumn, string | number> {
  return {
    seq: Number(row.seq),
    occurredAt: shanghaiTime(row.occurredAt),
    event: display.event,
    outcome: display.outcome,
    actor: display.actor,
    actorRoles: display.roles.join('、'),
    object: display.object ?? '',
    sourceIp: row.sourceIp ?? '',
  };
}

type Displayer = ReturnType<typeof auditDisplayer>;

/** Rows with their words, the accounts they name looked up a batch at a time. */
async function* inWords(rows: AsyncIterable<AuditRow>, displayer: Displayer, batch = 1000) {
  let pending: AuditRow[] = [];
  const flush = async function* () {
    await displayer.prepare(pending);
    for (const row of pending) yield [row, displayer.display(row)] as const;
    pending = [];
  };
  for await (const row of rows) {
    pending.push(row);
    if (pending.length >= batch) yield* flush();
  }
  yield* flush();
}

function clipped<T extends Record<string, string | number>>(cells: T): T {
  for (const [key, value] of Object.entries(cells))
    if (typeof value === 'string' && value.length > excelTextLimit)
      (cells as Record<string, string | number>)[key] = `${value.slice(0, excelTextLimit - 1)}…`;
  return cells;
}

/**
 * A real workbook, written by exceljs's streaming writer so 50,000 rows do not sit in memory as cells: the first
 * sheet in words, the second (校验数据) every stored field as stored, from which an auditor recomputes the hashes.
 * `rows` is read once per sheet; the caller pins it to one chain state so both sheets hold the same rows.
 */
export async function writeXlsx(
  rows: () => AsyncIterable<AuditRow>,
  locale: Locale,
  displayer: Displayer,
): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const readable = workbook.addWorksheet(translate(locale, 'audit.sheet_name'), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  readable.columns = readableColumns.map((column) => ({
    key: column,
    header: translate(locale, `audit.column.${column}`),
    width: column === 'object' || column === 'event' ? 32 : 20,
  }));
  readable.getRow(1).font = { bold: true };
  for await (const [row, display] of inWords(rows(), displayer))
    readable.addRow(clipped(readableCells(row, display))).commit();
  readable.commit();
  const evidence = workbook.addWorksheet(translate(locale, 'audit.sheet_evidence'), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  evidence.columns = exportColumns.map((column, index) => ({
    key: column,
    header: exportHeaders(locale)[index],
    width: column === 'details' || column.endsWith('Hash') || column === 'hash' ? 48 : 20,
  }));
  evidence.getRow(1).font = { bold: true };
  for await (const row of rows()) evidence.addRow(clipped(exportCells(row))).commit();
  evidence.commit();
  await workbook.commit();
  await finished;
  return Buffer.concat(chunks);
}

/**
 * CSV in UTF-8 with a byte-order mark: without it Excel on Chinese Windows reads the file as GBK and the
 * names come out garbled. The words first, then the ids and hashes. RFC 4180 quoting; text that a spreadsheet
 * would run as a formula is prefixed with an apostrophe (OWASP CSV injection), which is why the xlsx is the
 * format to recompute hashes from.
 */
export async function writeCsv(rows: AsyncIterable<AuditRow>, locale: Locale, displayer: Displayer): Promise<Buffer> {
  const headers = [...readableColumns, ...csvEvidence].map((column) => translate(locale, `audit.column.${column}`));
  const lines = [headers.map(csvField).join(',')];
  for await (const [row, display] of inWords(rows, displayer)) {
    const words = readableCells(row, display);
    const stored = exportCells(row);
    lines.push([...readableColumns.map((c) => words[c]), ...csvEvidence.map((c) => stored[c])].map(csvField).join(','));
  }
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8')]);
}

function csvField(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
