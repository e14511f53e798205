import { randomUUID } from 'node:crypto';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import { translate } from '../../platform/i18n/translate.ts';
import {
  defineImportKind,
  type ImportColumn,
  type ImportRow,
  type RowIssue,
} from '../../platform/imports/import-kind.ts';
import { compactCode } from '../../platform/validation/text.ts';
import { validateUscc } from '../../platform/validation/uscc.ts';
import { checkedMerchantOf } from './merchant-input.ts';
import { loadMerchantPlaces } from './merchant-places.ts';
import {
  type MerchantRowReference,
  merchantKindList,
  merchantKindWords,
  readMerchantRow,
  riskGradeList,
} from './merchant-row.ts';
import { licenceHolders, takenCreditCodes } from './merchants-import.store.ts';
import { merchantPermissions as P } from './merchants.permissions.ts';
import { insertMerchantBatch } from './merchants.store.ts';
import { merchantRowOf } from './register-merchant.ts';

/**
 * 商户批量导入: the registry from a spreadsheet (a township's 一户一档 list, or a county's export re-imported).
 * Each row passes the registration form's rules (merchant-row.ts) and the duplicate checks of both identities:
 * the credit code through the import kit's `unique` (within the file and against the database), the licence
 * number here, since the kit checks one column. Rows are stored as `registerMerchant` stores one: the operator's
 * name and phone sealed, the phone blind-indexed.
 */

interface MerchantsImportReference extends MerchantRowReference {
  locale: Locale;
  /** Licence numbers the county already holds → the merchant holding it. */
  licenceHolders: ReadonlyMap<string, string>;
  /**
   * Licence numbers met earlier in this pass → that row's name. The only state a pass keeps: the kit hands
   * `checkRow` the rows in file order, once each, and loads the reference afresh for every pass.
   */
  licencesSeen: Map<string, string>;
}

async function loadReference(ctx: Ctx): Promise<MerchantsImportReference> {
  return {
    places: await loadMerchantPlaces(ctx),
    scopeRegion: ctx.actor?.scopeRegion ?? null,
    locale: ctx.locale,
    licenceHolders: await licenceHolders(ctx.db, ctx.countyCode),
    licencesSeen: new Map(),
  };
}

/** The licence number as stored (checkedMerchantOf compacts it the same way). */
const licenceKey = (value: string) => compactCode(value) ?? value;

function licenceIssues(row: ImportRow, ref: MerchantsImportReference, found: readonly RowIssue[]): RowIssue[] {
  if (row.licenceNo === null || found.some((issue) => issue.column === 'licenceNo')) return [];
  const licence = licenceKey(row.licenceNo as string);
  const holder = ref.licenceHolders.get(licence);
  if (holder !== undefined)
    return [{ column: 'licenceNo', code: 'merchants.licence_taken', params: { merchantNo: holder } }];
  const earlier = ref.licencesSeen.get(licence);
  if (earlier !== undefined)
    return [{ column: 'licenceNo', code: 'merchants.import.licence_repeated', params: { name: earlier } }];
  ref.licencesSeen.set(licence, row.name as string);
  return [];
}

function checkMerchantRow(row: ImportRow, ref: MerchantsImportReference): RowIssue[] {
  const reading = readMerchantRow(row, ref);
  const issues = reading.ok ? [] : reading.issues;
  return [...issues, ...licenceIssues(row, ref, issues)];
}

const yesNoNote = (zh: string, en: string) => ({ zh: `是/否；${zh}`, en: `Yes/no; ${en}` });

/** The template's columns, in order; the export writes the same (merchants-export.xlsx.ts). */
const merchantColumns: readonly ImportColumn[] = [
  {
    key: 'name',
    header: { zh: '字号/店招', en: 'Name' },
    required: true,
    type: 'text',
    maxLength: 100,
    example: '好又多便利店',
  },
  {
    key: 'creditCode',
    header: { zh: '统一社会信用代码', en: 'Credit code' },
    type: 'code',
    maxLength: 40,
    example: '92430225000123457J',
    note: {
      zh: '18 位，按国家标准校验；与注册号至少填一项，全县不得重复',
      en: '18 characters, check digits verified; this or the licence number, unique in the county',
    },
  },
  {
    key: 'licenceNo',
    header: { zh: '个体工商户营业执照注册号', en: 'Licence number' },
    type: 'code',
    maxLength: 40,
    example: '430225600012345',
    note: {
      zh: '15 位数字，尚未换发信用代码的个体户填写',
      en: '15 digits, for a business not yet given a credit code',
    },
  },
  {
    key: 'kind',
    header: { zh: '类别', en: 'Kind' },
    required: true,
    type: 'text',
    maxLength: 20,
    example: merchantKindWords.food_sale.zh,
    note: { zh: '食品销售、餐饮、集贸市场 或 其他', en: 'Food sale, Catering, Market or Other' },
  },
  {
    key: 'marketStall',
    header: { zh: '市场摊位', en: 'Market stall' },
    type: 'boolean',
    example: '否',
    note: yesNoNote('集贸市场内的摊位填是，留空为否', 'yes for a stall inside a market; empty means no'),
  },
  {
    key: 'schoolSurroundings',
    header: { zh: '校园周边', en: 'Near a school' },
    type: 'boolean',
    example: '否',
    note: yesNoNote('距校门 200 米内填是，留空为否', 'yes within 200 m of a school gate; empty means no'),
  },
  {
    key: 'supervised',
    header: { zh: '纳入监管', en: 'Supervised' },
    type: 'boolean',
    example: '是',
    note: yesNoNote('留空时食品经营者为是、其他为否', 'empty means yes for food businesses, no for the others'),
  },
  {
    key: 'riskGrade',
    header: { zh: '风险等级', en: 'Risk grade' },
    type: 'code',
    maxLength: 2,
    example: 'B',
    note: {
      zh: 'A（最低）至 D（最高），只适用于食品销售、餐饮、集贸市场',
      en: 'A (lowest) to D (highest), for food sale, catering and markets only',
    },
  },
  {
    key: 'address',
    header: { zh: '地址', en: 'Address' },
    required: true,
    type: 'text',
    maxLength: 200,
    example: '霞阳镇炎帝大道 18 号',
  },
  {
    key: 'regionCode',
    header: { zh: '所在乡镇或村', en: 'Township or village' },
    required: true,
    type: 'text',
    maxLength: 60,
    example: '霞阳镇/城东社区',
    note: {
      zh: '区划代码（乡镇 9 位、村 12 位）或名称；村名在县内重复时写“乡镇/村”',
      en: 'Region code (9 digits for a township, 12 for a village) or name; "township/village" when a village name repeats',
    },
  },
  { key: 'gridCode', header: { zh: '网格', en: 'Grid' }, type: 'code', maxLength: 40, example: 'XY-01' },
  { key: 'lng', header: { zh: '经度', en: 'Longitude' }, type: 'code', maxLength: 30, example: '113.7765' },
  { key: 'lat', header: { zh: '纬度', en: 'Latitude' }, type: 'code', maxLength: 30, example: '26.4893' },
  {
    key: 'operatorName',
    header: { zh: '经营者姓名', en: 'Operator name' },
    required: true,
    type: 'text',
    maxLength: 50,
    example: '王小明',
    note: { zh: '加密保存，页面上显示为 王*明', en: 'Stored encrypted; shown as 王*明 on screen' },
  },
  {
    key: 'operatorPhone',
    header: { zh: '经营者电话', en: 'Operator phone' },
    type: 'code',
    maxLength: 30,
    example: '13800138000',
    note: {
      zh: '11 位手机号或带区号的固定电话；加密保存',
      en: 'An 11-digit mobile or a landline with its area code; stored encrypted',
    },
  },
  {
    key: 'frontageM',
    header: { zh: '门面宽度(米)', en: 'Frontage (m)' },
    type: 'code',
    maxLength: 20,
    example: '6.5',
    note: {
      zh: '沿街门面长度，门前三包区域的默认宽度',
      en: 'Frontage along the street: the default width of its zone',
    },
  },
];

const yesNo = (locale: Locale) => [translate(locale, 'imports.template.yes'), translate(locale, 'imports.template.no')];

export const merchantsImport = defineImportKind<MerchantsImportReference>({
  key: 'merchants.registry',
  title: { zh: '商户档案', en: 'Merchant registry' },
  permission: P.manage,
  columns: merchantColumns,
  reference: loadReference,
  options: (ref) => ({
    kind: merchantKindList.map((kind) => merchantKindWords[kind][ref.locale]),
    riskGrade: riskGradeList,
    marketStall: yesNo(ref.locale),
    schoolSurroundings: yesNo(ref.locale),
    supervised: yesNo(ref.locale),
  }),
  checkRow: checkMerchantRow,
  unique: {
    column: 'creditCode',
    keyOf: (row) => {
      const checked = validateUscc(row.creditCode);
      return checked.ok ? checked.value : String(row.creditCode);
    },
    existing: (t, keys) => takenCreditCodes(t.db, t.countyCode, keys),
  },
  async commit(t, rows, ref) {
    const now = t.clock();
    const merchants = rows.map(({ rowNumber, values }) => {
      const reading = readMerchantRow(values, ref);
      // The kit re-checked every row of this batch in this transaction a moment ago.
      if (!reading.ok) throw new Error(`merchants import: row ${rowNumber} no longer reads as it was checked`);
      return merchantRowOf(t, checkedMerchantOf(reading.body, reading.townshipCode), randomUUID(), now);
    });
    // One statement per batch (unnest), in the file's order: merchant numbers follow the rows.
    const stored = await insertMerchantBatch(t.db, merchants);
    // One audit row per batch, counts and numbers only: the rows of the file and the merchants they became.
    await recordAudit(t, {
      eventType: 'merchants.import',
      action: 'create',
      objectType: 'merchant',
      objectId: `${stored[0]?.merchantNo}…${stored.at(-1)?.merchantNo}`,
      details: { rows: rows.length, firstRow: rows[0]?.rowNumber, lastRow: rows.at(-1)?.rowNumber },
    });
    return {};
  },
});
