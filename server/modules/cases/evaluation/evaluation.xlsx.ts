import ExcelJS from 'exceljs';
import { shanghaiOffsetMs } from '../../../platform/calendar/shanghai-time.ts';
import type { Locale } from '../../../platform/i18n/locale.ts';
import { translate } from '../../../platform/i18n/translate.ts';
import type { EvaluationDto, EvaluationRowDto } from './evaluation.schema.ts';

/** The indicator columns, in bulletin order (the group's name and code come first). */
export const evaluationColumns = [
  'reported',
  'registered',
  'due',
  'closed',
  'closedOnTime',
  'closedRate',
  'onTimeRate',
  'reworked',
  'reworkRate',
  'avgHandlingHours',
  'satisfaction',
  'rated',
  'verified',
  'verifiedOnTime',
  'verifyOnTimeRate',
  'overdueOpen',
  'lowVolume',
] as const;

/** How a bulletin writes an empty ratio. */
export const noValue = '—';

/** 'YYYY-MM-DD HH:mm:ss' on the Shanghai wall clock (UTC+8 all year). */
export function shanghaiWallClock(at: Date): string {
  return new Date(at.getTime() + shanghaiOffsetMs).toISOString().slice(0, 19).replace('T', ' ');
}

interface Meta {
  county: string;
  now: Date;
  locale: Locale;
}

/** One sheet per dimension: title, generation time, the "—" / low-volume note, headers, groups, total. */
export async function writeEvaluationWorkbook(sheets: readonly EvaluationDto[], meta: Meta): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = meta.now;
  for (const dto of sheets) addSheet(workbook, dto, meta);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function addSheet(workbook: ExcelJS.Workbook, dto: EvaluationDto, meta: Meta): void {
  const t = (key: string, vars?: Record<string, string | number>) => translate(meta.locale, key, vars);
  const sheet = workbook.addWorksheet(t(`cases.evaluation.sheet.${dto.groupBy}`), {
    views: [{ state: 'frozen', ySplit: 4, xSplit: 1 }],
  });
  const width = evaluationColumns.length + 2;
  const banner = [
    t('cases.evaluation.title', { county: meta.county, from: dto.from, to: dto.to }),
    t('cases.evaluation.generated', { at: shanghaiWallClock(meta.now) }),
    t('cases.evaluation.low_volume_note', { min: dto.minVolume }),
  ];
  banner.forEach((text, index) => {
    const row = sheet.getRow(index + 1);
    row.getCell(1).value = text;
    sheet.mergeCells(index + 1, 1, index + 1, width);
    if (index === 0) row.font = { bold: true, size: 14 };
  });
  const header = sheet.getRow(4);
  header.values = [
    t(`cases.evaluation.group.${dto.groupBy}`),
    t('cases.evaluation.column.key'),
    ...evaluationColumns.map((c) => t(`cases.evaluation.column.${c}`)),
  ];
  header.font = { bold: true };
  for (const row of dto.rows) sheet.addRow(cellsOf(row, meta.locale));
  sheet.addRow(cellsOf({ ...dto.total, key: null }, meta.locale)).font = { bold: true };
  sheet.getColumn(1).width = 24;
  for (let i = 2; i <= width; i += 1) sheet.getColumn(i).width = 12;
}

function cellsOf(row: EvaluationRowDto, locale: Locale): Array<string | number> {
  const values = evaluationColumns.map((column) => {
    if (column === 'lowVolume') return row.lowVolume ? translate(locale, 'cases.evaluation.yes') : '';
    const value = row[column];
    return value === null ? noValue : value;
  });
  return [row.name, row.key ?? '', ...values];
}
