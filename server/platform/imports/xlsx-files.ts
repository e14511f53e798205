import { PassThrough, type Readable, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Ctx } from '../context.ts';
import type { Locale } from '../i18n/locale.ts';
import { translate } from '../i18n/translate.ts';
import type { AnyImportKind, ImportColumn } from './import-kind.ts';
import type { RowErrorRow } from './imports.store.ts';

/**
 * The files imports hand out, all written with exceljs' streaming WorkbookWriter (each row committed as it is
 * added): the template of a kind, a run's error report and the one-time sheet of initial passwords.
 */

export const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Starts writing into a stream the route sends; a failure half-way ends the stream with the error. */
export function streamed(write: (out: Writable) => Promise<void>): Readable {
  const body = new PassThrough();
  write(body).catch((error: unknown) => body.destroy(error as Error));
  return body;
}

function workbookOn(out: Writable) {
  return new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
}

/** A column letter for a 0-based index (A … Z, AA …). */
function letter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** The streaming writer's worksheet has data validations; exceljs' types only declare them on the in-memory one. */
function validationsOf(sheet: ExcelJS.Worksheet) {
  return (sheet as unknown as { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } })
    .dataValidations;
}

/** Rows the template's drop-downs cover (beyond them a cell is still checked on import). */
const validatedRows = 5000;

function notesRows(kind: AnyImportKind, locale: Locale) {
  const t = (key: string) => translate(locale, key);
  return kind.columns.map((column: ImportColumn) => [
    column.header[locale],
    t(column.required ? 'imports.template.yes' : 'imports.template.no'),
    t(`imports.template.type.${column.type}`),
    column.example,
    column.note?.[locale] ?? '',
  ]);
}

/**
 * The template: the data sheet (header row only, frozen, required headers marked), a notes sheet (each column:
 * required, format, example, what to put) and, for columns with a list of values, a hidden sheet the data
 * sheet's drop-downs point at (a list in the validation itself is capped at 255 characters).
 */
export async function writeTemplate(
  out: Writable,
  kind: AnyImportKind,
  options: Readonly<Record<string, readonly string[]>>,
  locale: Locale,
): Promise<void> {
  const t = (key: string) => translate(locale, key);
  const workbook = workbookOn(out);
  const data = workbook.addWorksheet(kind.title[locale], { views: [{ state: 'frozen', ySplit: 1 }] });
  data.columns = kind.columns.map((column) => ({ header: column.header[locale], key: column.key, width: 18 }));
  kind.columns.forEach((column, i) => {
    const cell = data.getRow(1).getCell(i + 1);
    cell.font = { bold: true, color: { argb: column.required ? 'FFC00000' : 'FF000000' } };
  });
  const listed = kind.columns.map((column, i) => ({ column, i, values: options[column.key] ?? [] }));
  const listsName = t('imports.template.lists_sheet');
  listed
    .filter((l) => l.values.length > 0)
    .forEach((l, n) => {
      const range = `'${listsName}'!$${letter(n)}$2:$${letter(n)}$${l.values.length + 1}`;
      validationsOf(data).add(`${letter(l.i)}2:${letter(l.i)}${validatedRows}`, {
        type: 'list',
        allowBlank: true,
        formulae: [range],
        // A list column takes several values in one cell: the drop-down helps, the import checks each value.
        showErrorMessage: l.column.type !== 'list',
      });
    });
  data.getRow(1).commit();
  data.commit();
  const notes = workbook.addWorksheet(t('imports.template.notes_sheet'));
  notes.columns = ['column', 'required', 'type', 'example', 'note'].map((key) => ({
    header: t(`imports.template.${key}`),
    key,
    width: key === 'note' ? 60 : 18,
  }));
  for (const row of notesRows(kind, locale)) notes.addRow(row).commit();
  notes.addRow([]).commit();
  notes.addRow([t('imports.template.rules')]).commit();
  notes.commit();
  const lists = workbook.addWorksheet(listsName, { state: 'hidden' });
  const withValues = listed.filter((l) => l.values.length > 0);
  lists.addRow(withValues.map((l) => l.column.header[locale])).commit();
  const longest = Math.max(0, ...withValues.map((l) => l.values.length));
  for (let r = 0; r < longest; r += 1) lists.addRow(withValues.map((l) => l.values[r] ?? null)).commit();
  lists.commit();
  await workbook.commit();
}

/** One error as the report says it: "用户名：必填". */
export function errorText(kind: AnyImportKind, error: RowErrorRow, locale: Locale): string {
  const message = translate(locale, error.code, error.params);
  const column = kind.columns.find((c) => c.key === error.column);
  return column ? `${column.header[locale]}${locale === 'en' ? ': ' : '：'}${message}` : message;
}

/** One row of the report: the row number, the row's cells as they were uploaded (when the file is kept), its errors. */
export interface ReportRow {
  rowNumber: number;
  cells: readonly unknown[] | null;
  errors: readonly RowErrorRow[];
}

function cellText(value: unknown): string | number | Date | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'boolean') return String(value);
  const cell = value as Record<string, unknown>;
  if ('formula' in cell || 'sharedFormula' in cell) return `=${String(cell.formula ?? '')}`;
  if (Array.isArray(cell.richText))
    return (cell.richText as Array<{ text?: string }>).map((p) => p.text ?? '').join('');
  return 'text' in cell ? String(cell.text) : 'error' in cell ? String(cell.error) : null;
}

/**
 * The error report: the row number, the uploaded row (headers as in the kind's template, in the file's column
 * order) and its errors in the reader's language, one row per refused row.
 */
export async function writeErrorReport(
  out: Writable,
  ctx: Ctx,
  kind: AnyImportKind,
  fileColumns: readonly (ImportColumn | null)[],
  rows: AsyncIterable<ReportRow>,
): Promise<void> {
  const locale = ctx.locale;
  const workbook = workbookOn(out);
  const sheet = workbook.addWorksheet(translate(locale, 'imports.report.sheet'), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet
    .addRow([
      translate(locale, 'imports.report.row'),
      translate(locale, 'imports.report.errors'),
      ...fileColumns.map((c) => c?.header[locale] ?? ''),
    ])
    .commit();
  for await (const row of rows) {
    const errors = row.errors.map((e) => errorText(kind, e, locale)).join(locale === 'en' ? '; ' : '；');
    sheet.addRow([row.rowNumber, errors, ...(row.cells ?? []).slice(0, fileColumns.length).map(cellText)]).commit();
  }
  sheet.commit();
  await workbook.commit();
}

/** The initial passwords of the accounts a run created: one sheet, a note on how to hand them over. */
export async function writeHandouts(
  out: Writable,
  locale: Locale,
  handouts: ReadonlyArray<{ rowNumber: number; label: string; secret: string }>,
): Promise<void> {
  const t = (key: string) => translate(locale, key);
  const workbook = workbookOn(out);
  const sheet = workbook.addWorksheet(t('imports.handout.sheet'));
  sheet.columns = [
    { header: t('imports.report.row'), key: 'row', width: 8 },
    { header: t('imports.handout.label'), key: 'label', width: 24 },
    { header: t('imports.handout.secret'), key: 'secret', width: 24 },
  ];
  for (const h of handouts) sheet.addRow([h.rowNumber, h.label, h.secret]).commit();
  sheet.addRow([]).commit();
  sheet.addRow([t('imports.handout.note')]).commit();
  sheet.commit();
  await workbook.commit();
}
