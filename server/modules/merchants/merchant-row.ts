import { Compile } from 'typebox/compile';
import type { MerchantKind, RiskGrade } from '../../db/schema/merchants.ts';
import type { FieldProblems } from '../../platform/http/app-error.ts';
import { toFieldProblems } from '../../platform/http/validation-errors.ts';
import { foldCode } from '../../platform/imports/cell-parsers.ts';
import type { ImportRow, RowIssue, Words } from '../../platform/imports/import-kind.ts';
import { fieldProblems, placeProblem } from './merchant-input.ts';
import { lookUpPlace, type MerchantPlaces } from './merchant-places.ts';
import { MerchantBody } from './merchants.schema.ts';

/**
 * One spreadsheet row of the registry read as the registration form's body, and checked by the same rules: the
 * request schema (lengths, ranges) and `fieldProblems` (credit code check digits, licence, phone, risk grade for
 * food businesses only, …), plus the place against the county's regions read once per pass. The import's row
 * check and its commit both read a row through here, so what is checked is what is stored.
 */

/** 类别 as the template and the export write it; a cell may also hold the other language's word or the key. */
export const merchantKindWords: Readonly<Record<MerchantKind, Words>> = {
  food_sale: { zh: '食品销售', en: 'Food sale' },
  catering: { zh: '餐饮', en: 'Catering' },
  market_operator: { zh: '集贸市场', en: 'Market' },
  other: { zh: '其他', en: 'Other' },
};

/** The kinds in the template's order (the record type makes the compiler list every one the table has). */
export const merchantKindList = Object.keys(merchantKindWords) as MerchantKind[];

/** 风险等级 A (lowest) to D (highest), complete by the same device. */
const gradeSet: Readonly<Record<RiskGrade, true>> = { A: true, B: true, C: true, D: true };
export const riskGradeList = Object.keys(gradeSet) as RiskGrade[];

const kindByWord = new Map<string, MerchantKind>(
  merchantKindList.flatMap((kind) =>
    [kind, merchantKindWords[kind].zh, merchantKindWords[kind].en].map((word) => [foldCode(word).toLowerCase(), kind]),
  ),
);

export function kindOfWord(word: string): MerchantKind | undefined {
  return kindByWord.get(foldCode(word).toLowerCase());
}

function gradeOf(text: string): RiskGrade | undefined {
  const grade = foldCode(text).toUpperCase();
  return Object.hasOwn(gradeSet, grade) ? (grade as RiskGrade) : undefined;
}

/** A decimal as written (12.5, -0.25, 1e-3): `Number('')` is 0 and `Number('0x10')` 16, so the shape comes first. */
function decimalOf(text: string): number | undefined {
  const folded = foldCode(text);
  return /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(folded) ? Number(folded) : undefined;
}

export interface MerchantRowReference {
  places: MerchantPlaces;
  /** The importer's area: a place outside it is refused as the form refuses it. */
  scopeRegion: string | null;
}

export type MerchantRowReading =
  | { ok: true; body: MerchantBody; townshipCode: string }
  | { ok: false; issues: RowIssue[] };

const bodySchema = Compile(MerchantBody);

function schemaProblems(body: Record<string, unknown>): FieldProblems {
  return bodySchema.Check(body) ? {} : toFieldProblems([...bodySchema.Errors(body)]);
}

/** The cells only the import has to read (words, numbers written as text, the place), each refusal on its column. */
function readCells(row: ImportRow, ref: MerchantRowReference) {
  const issues: RowIssue[] = [];
  const cell = (key: string) => (row[key] === null ? undefined : String(row[key]));
  const refuse = (column: string, code: string, params?: Record<string, string>) =>
    issues.push(params ? { column, code, params } : { column, code });
  const kind = kindOfWord(cell('kind') ?? '');
  if (!kind) refuse('kind', 'merchants.import.kind_unknown', { value: cell('kind') ?? '' });
  const gradeText = cell('riskGrade');
  const riskGrade = gradeText === undefined ? undefined : gradeOf(gradeText);
  if (gradeText !== undefined && !riskGrade) refuse('riskGrade', 'merchants.import.risk_grade_unknown');
  const numbers: Record<string, number | undefined> = {};
  for (const key of ['lng', 'lat', 'frontageM']) {
    const text = cell(key);
    numbers[key] = text === undefined ? undefined : decimalOf(text);
    if (text !== undefined && numbers[key] === undefined) refuse(key, 'merchants.import.not_number');
  }
  const place = lookUpPlace(ref.places, cell('regionCode') ?? '');
  const problem = place.ok
    ? placeProblem(place.code, ref.places.countyCode, ref.places.byCode.get(place.code), ref.scopeRegion)
    : null;
  if (!place.ok) refuse('regionCode', place.code, place.params);
  else if (problem !== null) refuse('regionCode', problem);
  return { issues, kind, riskGrade, numbers, regionCode: place.ok ? place.code : '' };
}

/** A row as the form's body, or every problem it has (each column's first, the row's own reading first). */
export function readMerchantRow(row: ImportRow, ref: MerchantRowReference): MerchantRowReading {
  const cells = readCells(row, ref);
  const optional = (key: string) => (row[key] === null ? undefined : row[key]);
  const candidate: Record<string, unknown> = {
    name: row.name,
    creditCode: optional('creditCode'),
    licenceNo: optional('licenceNo'),
    kind: cells.kind ?? '',
    marketStall: optional('marketStall'),
    schoolSurroundings: optional('schoolSurroundings'),
    supervised: optional('supervised'),
    // An unreadable kind cannot say whether a grade is allowed: the kind's refusal stands for both.
    riskGrade: cells.kind ? cells.riskGrade : undefined,
    address: row.address,
    regionCode: cells.regionCode,
    gridCode: optional('gridCode'),
    lng: cells.numbers.lng,
    lat: cells.numbers.lat,
    operatorName: row.operatorName,
    operatorPhone: optional('operatorPhone'),
    frontageM: cells.numbers.frontageM,
  };
  const body = Object.fromEntries(Object.entries(candidate).filter(([, value]) => value !== undefined));
  const issues = [...cells.issues];
  const taken = new Set(issues.map((issue) => issue.column));
  const rules = { ...schemaProblems(body), ...fieldProblems(body as MerchantBody) };
  for (const [column, problem] of Object.entries(rules)) {
    if (taken.has(column)) continue;
    issues.push(problem.vars ? { column, code: problem.key, params: problem.vars } : { column, code: problem.key });
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, body: body as MerchantBody, townshipCode: cells.regionCode.slice(0, 9) };
}
