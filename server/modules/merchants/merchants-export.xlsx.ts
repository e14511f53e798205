import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Ctx } from '../../platform/context.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import { translate } from '../../platform/i18n/translate.ts';
import type { CellValue } from '../../platform/imports/import-kind.ts';
import { decryptColumnValue } from '../../platform/pii/column-crypto.ts';
import { maskName, maskPhone } from '../../platform/pii/mask.ts';
import { type MerchantPlaces, placeLabel } from './merchant-places.ts';
import { merchantKindWords } from './merchant-row.ts';
import { merchantsImport } from './merchants.import.ts';
import type { MerchantRow } from './merchants.store.ts';

/** Whether the file shows the operators in clear (an audited reveal) or masked as every screen does. */
export type OperatorShown = 'masked' | 'clear';

type ExportCell = Exclude<CellValue, readonly string[]>;

/**
 * One merchant as a row of the import template: the same columns, words the import reads back (类别 and 是/否 in
 * the reader's language, the place as a label that resolves to the same code), numbers as numbers. So an export
 * re-imports into an empty registry as it was — with the operator only when it was exported in clear.
 */
export function exportCellsOf(
  ctx: Pick<Ctx, 'keyring'>,
  row: MerchantRow,
  places: MerchantPlaces,
  locale: Locale,
  operator: OperatorShown,
): Record<string, ExportCell> {
  const yesNo = (value: boolean) => translate(locale, value ? 'imports.template.yes' : 'imports.template.no');
  const open = (column: 'operator_name_enc' | 'operator_phone_enc', envelope: string) =>
    decryptColumnValue(ctx.keyring, 'merchants_merchant', column, envelope);
  const name = open('operator_name_enc', row.operatorNameEnc);
  const phone = row.operatorPhoneEnc === null ? null : open('operator_phone_enc', row.operatorPhoneEnc);
  return {
    name: row.name,
    creditCode: row.creditCode,
    licenceNo: row.licenceNo,
    kind: merchantKindWords[row.kind][locale],
    marketStall: yesNo(row.marketStall),
    schoolSurroundings: yesNo(row.schoolSurroundings),
    supervised: yesNo(row.supervised),
    riskGrade: row.riskGrade,
    address: row.address,
    regionCode: placeLabel(places, row.locationCode),
    gridCode: row.gridCode,
    lng: row.lng,
    lat: row.lat,
    operatorName: operator === 'clear' ? name : maskName(name),
    operatorPhone: phone === null ? null : operator === 'clear' ? phone : maskPhone(phone),
    frontageM: row.frontageDm === null ? null : row.frontageDm / 10,
  };
}

const wide = new Set(['name', 'address', 'regionCode']);
/** Codes typed into these later stay text (Excel would turn a licence number into 4.30226E+14). */
const textColumns = new Set(['creditCode', 'licenceNo', 'gridCode', 'operatorPhone']);

/**
 * Streams the workbook into `out` with exceljs's WorkbookWriter (as the case list's export does): each row is
 * committed as soon as it is added. Codes and phones are text cells, so Excel keeps a landline's leading 0 and
 * shows a 15-digit licence number whole.
 */
export async function writeMerchantWorkbook(
  out: Writable,
  ctx: Pick<Ctx, 'keyring'>,
  rows: readonly MerchantRow[],
  places: MerchantPlaces,
  locale: Locale,
  operator: OperatorShown,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(merchantsImport.title[locale], { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = merchantsImport.columns.map((column) => ({
    key: column.key,
    header: column.header[locale],
    width: wide.has(column.key) ? 30 : column.type === 'boolean' ? 10 : 18,
    ...(textColumns.has(column.key) ? { style: { numFmt: '@' } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  for (const row of rows) sheet.addRow(exportCellsOf(ctx, row, places, locale, operator)).commit();
  sheet.commit();
  await workbook.commit();
}
