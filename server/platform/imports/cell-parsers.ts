import type { CellType, CellValue, ImportColumn } from './import-kind.ts';

/**
 * Cells as people fill them in a county office: numbers typed as text, dates as date cells, serial numbers or
 * written out (2026/3/5, 2026年3月5日), full-width digits from a Chinese input method, spaces around everything.
 * Every parser is total: any input gives a value or a refusal code, never an exception (fast-check proves it).
 */

export type Parsed<T> = { ok: true; value: T } | { ok: false; code: string; params?: Record<string, string | number> };

/** What a spreadsheet cell holds once read, before its column's type is applied. */
export type RawCell = string | number | boolean | Date | null;

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const refuse = (code: string, params?: Record<string, string | number>): Parsed<never> =>
  params ? { ok: false, code, params } : { ok: false, code };

/**
 * An exceljs cell value as plain content. A formula is refused whatever its cached result (the result may be
 * stale or depend on another sheet, and the file would not say what was meant); so is an error cell (#N/A).
 */
export function rawCellOf(value: unknown): Parsed<RawCell> {
  if (value === null || value === undefined) return ok(null);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return ok(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? refuse('imports.cell.not_date') : ok(value);
  if (typeof value !== 'object') return ok(null);
  const cell = value as Record<string, unknown>;
  if ('formula' in cell || 'sharedFormula' in cell) return refuse('imports.cell.formula');
  if ('error' in cell) return refuse('imports.cell.error', { value: String(cell.error) });
  if (Array.isArray(cell.richText))
    return ok((cell.richText as Array<{ text?: unknown }>).map((part) => String(part.text ?? '')).join(''));
  if ('text' in cell) return rawCellOf(cell.text);
  return ok(null);
}

/** Spaces people leave around a value, the ideographic space (U+3000) and no-break space included. */
export function trimCell(text: string): string {
  return text.replace(/^[\s\u3000\u00a0\ufeff]+|[\s\u3000\u00a0\ufeff]+$/g, '');
}

/** Half-width forms (NFKC: １２３ → 123, ＡＢ → AB), no spaces at all: for codes and numbers. */
export function foldCode(text: string): string {
  return text.normalize('NFKC').replace(/[\s\u3000\u00a0\ufeff]+/g, '');
}

/** A number as people read it: 13912345678, not 1.3912345678e10; 12.5 stays 12.5. */
function numberText(value: number): string {
  return Number.isInteger(value) && Math.abs(value) < 1e21 ? value.toFixed(0) : String(value);
}

/** Whether a raw cell is blank (a row of blank cells is skipped, a blank required cell is refused). */
export function isBlank(raw: RawCell): boolean {
  return raw === null || (typeof raw === 'string' && trimCell(raw) === '');
}

export function parseText(raw: RawCell, maxLength?: number): Parsed<string> {
  const text = raw instanceof Date ? isoDate(raw) : typeof raw === 'number' ? numberText(raw) : trimCell(String(raw));
  if (maxLength !== undefined && [...text].length > maxLength)
    return refuse('imports.cell.too_long', { max: maxLength });
  return ok(text);
}

export function parseCode(raw: RawCell, maxLength?: number): Parsed<string> {
  const text = foldCode(typeof raw === 'number' ? numberText(raw) : raw instanceof Date ? isoDate(raw) : String(raw));
  if (maxLength !== undefined && [...text].length > maxLength)
    return refuse('imports.cell.too_long', { max: maxLength });
  return ok(text);
}

export function parseInteger(raw: RawCell): Parsed<number> {
  if (typeof raw === 'number') return Number.isSafeInteger(raw) ? ok(raw) : refuse('imports.cell.not_integer');
  if (typeof raw !== 'string') return refuse('imports.cell.not_integer');
  const text = foldCode(raw).replace(/,/g, '');
  if (!/^[+-]?\d{1,15}$/.test(text)) return refuse('imports.cell.not_integer');
  return ok(Number(text));
}

const truthy = new Set(['是', '有', '启用', 'true', 'yes', 'y', '1', '√', '✓']);
const falsy = new Set(['否', '无', '停用', 'false', 'no', 'n', '0', '×', '✗']);

export function parseBoolean(raw: RawCell): Parsed<boolean> {
  if (typeof raw === 'boolean') return ok(raw);
  const text = foldCode(typeof raw === 'number' ? numberText(raw) : String(raw)).toLowerCase();
  if (truthy.has(text)) return ok(true);
  if (falsy.has(text)) return ok(false);
  return refuse('imports.cell.not_boolean');
}

/** Several codes in one cell: 'dispatcher, inspector', 'dispatcher、inspector', '；'-separated … */
export function parseList(raw: RawCell, maxLength?: number): Parsed<readonly string[]> {
  const text = String(raw).normalize('NFKC');
  const items = text
    .split(/[,;、\s\u3000]+/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
  const long = maxLength === undefined ? undefined : items.find((item) => [...item].length > maxLength);
  if (long !== undefined) return refuse('imports.cell.too_long', { max: maxLength as number });
  return ok([...new Set(items)]);
}

/** Excel's day 0 is 1899-12-30 in the 1900 date system (its 1900-02-29 bug is why not 12-31). */
const excelEpochMs = Date.UTC(1899, 11, 30);
const dayMs = 86_400_000;
/** 1900-01-01 … 9999-12-31, Excel's own range. */
const maxSerial = 2_958_465;

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function dateOf(year: number, month: number, day: number): Parsed<string> {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || year > 9999 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return refuse('imports.cell.not_date');
  return ok(isoDate(date));
}

const writtenDate = [
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/,
  /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/,
  /^(\d{4})(\d{2})(\d{2})$/,
];

/**
 * A date as YYYY-MM-DD: a date cell (exceljs reads it as UTC midnight of the date shown), an Excel serial number
 * (a date typed into a cell formatted as a number), or a written date. A time part of a date cell is dropped.
 */
export function parseDate(raw: RawCell): Parsed<string> {
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? refuse('imports.cell.not_date') : ok(isoDate(raw));
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw) || raw < 1 || raw >= maxSerial + 1) return refuse('imports.cell.not_date');
    return ok(isoDate(new Date(excelEpochMs + Math.floor(raw) * dayMs)));
  }
  if (typeof raw !== 'string') return refuse('imports.cell.not_date');
  // The date part of '2026-03-05 14:30' or '2026-03-05T14:30': up to the first space or T after the date.
  const text = foldCode(trimCell(raw.normalize('NFKC')).replace(/[T\s].*$/, ''));
  for (const pattern of writtenDate) {
    const match = pattern.exec(text);
    if (match) return dateOf(Number(match[1]), Number(match[2]), Number(match[3]));
  }
  if (/^\d{5}(\.\d+)?$/.test(text)) return parseDate(Number(text));
  return refuse('imports.cell.not_date');
}

const parsers: Record<CellType, (raw: RawCell, column: ImportColumn) => Parsed<CellValue>> = {
  text: (raw, column) => parseText(raw, column.maxLength),
  code: (raw, column) => parseCode(raw, column.maxLength),
  integer: (raw) => parseInteger(raw),
  date: (raw) => parseDate(raw),
  boolean: (raw) => parseBoolean(raw),
  list: (raw, column) => parseList(raw, column.maxLength),
};

/** A cell read by its column's type; a blank cell is null, or refused when the column is required. */
export function parseCell(raw: RawCell, column: ImportColumn): Parsed<CellValue> {
  if (isBlank(raw)) return column.required ? refuse('imports.cell.required') : ok(null);
  return parsers[column.type](raw, column);
}
