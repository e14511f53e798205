import type { MerchantKind, RiskGrade } from '../../db/schema/merchants.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError, type FieldProblem, type FieldProblems } from '../../platform/http/app-error.ts';
import { knownRegion } from '../../platform/regions/known-region.ts';
import type { Region } from '../../platform/regions/regions.store.ts';
import { isInSubtree } from '../../platform/regions/region-scope.ts';
import { validateLandline, validateMobile } from '../../platform/validation/mobile.ts';
import { compactCode } from '../../platform/validation/text.ts';
import { validateUscc } from '../../platform/validation/uscc.ts';
import type { MerchantBody } from './merchants.schema.ts';

/** 食品经营者: the kinds market supervision grades by risk (食品生产经营监督检查管理办法 §21–22). */
export const foodKinds: ReadonlySet<MerchantKind> = new Set(['food_sale', 'catering', 'market_operator']);

/** A merchant's fields as checked: codes normalised, the place resolved, the operator's data still in clear. */
export interface CheckedMerchant {
  name: string;
  creditCode: string | null;
  licenceNo: string | null;
  kind: MerchantKind;
  marketStall: boolean;
  marketId: string | null;
  schoolSurroundings: boolean;
  supervised: boolean;
  riskGrade: RiskGrade | null;
  address: string;
  locationCode: string;
  townshipCode: string;
  gridCode: string | null;
  lng: number | null;
  lat: number | null;
  operatorName: string;
  operatorPhone: string | null;
  frontageDm: number | null;
}

/** The problems of the fields that need no database: every one at once, as the form shows them. */
export function fieldProblems(body: MerchantBody): FieldProblems {
  const problems: FieldProblems = {};
  const credit = blankToNull(body.creditCode);
  const licence = blankToNull(body.licenceNo);
  if (credit === null && licence === null) problems.creditCode = { key: 'merchants.identity_required' };
  if (credit !== null) {
    const checked = validateUscc(credit);
    if (!checked.ok) problems.creditCode = { key: checked.reason };
  }
  if (licence !== null && !/^[0-9]{15}$/.test(compactCode(licence) ?? '')) {
    problems.licenceNo = { key: 'merchants.licence_format' };
  }
  const phone = blankToNull(body.operatorPhone);
  if (phone !== null && !validateMobile(phone).ok && !validateLandline(phone).ok) {
    problems.operatorPhone = { key: 'merchants.phone_invalid' };
  }
  if ((body.lng === undefined) !== (body.lat === undefined)) {
    problems[body.lng === undefined ? 'lng' : 'lat'] = { key: 'merchants.point_incomplete' };
  }
  if (body.riskGrade !== undefined && !foodKinds.has(body.kind)) {
    problems.riskGrade = { key: 'merchants.risk_grade_food_only' };
  }
  if (body.marketId !== undefined && body.marketStall !== true) {
    problems.marketId = { key: 'merchants.market_requires_stall' };
  }
  if (body.name.trim() === '') problems.name = { key: 'field.required' };
  const operatorName = operatorNameProblem(body.operatorName);
  if (operatorName) problems.operatorName = operatorName;
  if (body.address.trim() === '') problems.address = { key: 'field.required' };
  return problems;
}

function operatorNameProblem(name: string): FieldProblem | null {
  if (name.trim() === '') return { key: 'field.required' };
  // A masked name (张*, from a screen or an export without the reveal right) stored as the name would be lost data.
  if (/[*＊]/.test(name)) return { key: 'merchants.operator_name_masked' };
  return null;
}

/** Checks a merchant's fields (all problems at once), then its place against the county and the actor's area. */
export async function checkMerchant(ctx: Ctx, body: MerchantBody): Promise<CheckedMerchant> {
  const problems = fieldProblems(body);
  if (Object.keys(problems).length > 0) throw AppError.validation(problems);
  return checkedMerchantOf(body, await checkPlace(ctx, body.regionCode));
}

/** A merchant's fields as stored, once `fieldProblems` found none and the place was checked (the import shares it). */
export function checkedMerchantOf(body: MerchantBody, townshipCode: string): CheckedMerchant {
  const phone = blankToNull(body.operatorPhone);
  const credit = blankToNull(body.creditCode);
  const licence = blankToNull(body.licenceNo);
  return {
    name: body.name.trim(),
    creditCode: credit === null ? null : (validateUscc(credit) as { value: string }).value,
    licenceNo: licence === null ? null : compactCode(licence),
    kind: body.kind,
    marketStall: body.marketStall ?? false,
    marketId: body.marketId ?? null,
    schoolSurroundings: body.schoolSurroundings ?? false,
    supervised: body.supervised ?? foodKinds.has(body.kind),
    riskGrade: body.riskGrade ?? null,
    address: body.address.trim(),
    locationCode: body.regionCode,
    townshipCode,
    gridCode: blankToNull(body.gridCode),
    lng: body.lng ?? null,
    lat: body.lat ?? null,
    operatorName: body.operatorName.trim(),
    operatorPhone: phone === null ? null : normalisedPhone(phone),
    frontageDm: body.frontageM === undefined ? null : Math.max(1, Math.round(body.frontageM * 10)),
  };
}

/** A township or village of this county inside the actor's area; answers its township's code. */
export async function checkPlace(ctx: Ctx, code: string, field = 'regionCode'): Promise<string> {
  const found = code.startsWith(ctx.countyCode) ? await knownRegion(ctx, code) : undefined;
  const problem = placeProblem(code, ctx.countyCode, found, ctx.actor?.scopeRegion ?? null);
  if (problem !== null) throw AppError.field(field, problem);
  return code.slice(0, 9);
}

/**
 * What is wrong with a place code (its region as found, if it was), or null: the rule the form's check and the
 * import's (against the county's regions read once per pass) share.
 */
export function placeProblem(
  code: string,
  countyCode: string,
  found: Pick<Region, 'level'> | undefined,
  scopeRegion: string | null,
): string | null {
  if (!code.startsWith(countyCode)) return 'merchants.region_outside_county';
  if (!found) return 'merchants.region_unknown';
  if (found.level !== 'township' && found.level !== 'village') return 'merchants.region_level';
  if (scopeRegion !== null && !isInSubtree(code, scopeRegion)) return 'merchants.region_outside_scope';
  return null;
}

function normalisedPhone(phone: string): string {
  const mobile = validateMobile(phone);
  if (mobile.ok) return mobile.value;
  return (validateLandline(phone) as { value: string }).value;
}

function blankToNull(value: string | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}
