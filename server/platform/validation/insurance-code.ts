/**
 * 医保 (medical insurance) codes with a fixed, documented layout — the NHSA 15 信息业务编码标准 as used by the
 * 医保信息平台 interface (湖南省定点医药机构接口规范 V1.3). Layouts and grades from
 * shared/reference/insurance-service-anchors.md §4.6:
 *
 *   定点医疗机构 fixmedins_code  H + 6-digit 医保区划 + 5-digit 顺序码 (12)   A (length) / B (layout, examples)
 *   定点零售药店                  P + 6-digit 医保区划 + 5-digit 顺序码 (12)   B
 *   医保区划 *_admdvs             6 digits, GB/T 2260 form (430225, 430200, 430000)  A
 *   门诊慢特病病种                 M + 5 digits (M03900 高血压, M01600 糖尿病)    B
 *
 * Not here, on purpose: drug codes (23 characters, but a 20-character variant exists), service items (15 digits
 * with provincial extensions), consumables (grade C), 医保医师/护士/药师 codes (grade C) and diagnoses (a
 * catalogue lookup). Their formats are not fixed firmly enough to refuse input on; they are checked against the
 * downloaded catalogue (transactions 1301–1315) instead.
 */
import { parseRegionCode, type RegionCodeLevel } from './region-code.ts';
import { invalid, type ValidationResult, valid } from './result.ts';
import { compactCode } from './text.ts';

export type DesignatedKind = 'institution' | 'pharmacy';

export interface DesignatedCode {
  /** Normalised code, e.g. 'H43022500001'. */
  code: string;
  kind: DesignatedKind;
  /** The 6-digit 医保区划 inside the code, as written (not shortened). */
  areaCode: string;
}

export interface InsuranceArea {
  /** The 6-digit code as the 医保 platform writes it (430000, not 43). */
  code: string;
  level: RegionCodeLevel;
}

const kindByPrefix: Record<string, DesignatedKind> = { H: 'institution', P: 'pharmacy' };

/** A 定点医药机构 code (fixmedins_code): either a medical institution (H…) or a retail pharmacy (P…). */
export function validateDesignatedCode(input: unknown): ValidationResult<DesignatedCode> {
  const code = normalise(input);
  if (code === null) return invalid('insurance_institution.format');
  if (code === '') return invalid('insurance_institution.required');
  const kind = kindByPrefix[code[0] as string];
  if (kind === undefined || !/^[HP]\d{11}$/.test(code)) return invalid('insurance_institution.format');
  const areaCode = code.slice(1, 7);
  if (!parseRegionCode(areaCode).ok) return invalid('insurance_institution.region');
  return valid({ code, kind, areaCode });
}

/** A 定点医疗机构 code only: 'H' + 11 digits. A pharmacy code gets its own reason, it is a common mix-up. */
export function validateInstitutionCode(input: unknown): ValidationResult<string> {
  const result = validateDesignatedCode(input);
  if (!result.ok) return result;
  if (result.value.kind !== 'institution') return invalid('insurance_institution.pharmacy');
  return valid(result.value.code);
}

/** A 医保区划 (mdtrtarea_admvs, insuplc_admdvs, …): 6 digits in GB/T 2260 form with a real province. */
export function validateInsuranceArea(input: unknown): ValidationResult<InsuranceArea> {
  const code = compactCode(input);
  if (code === null) return invalid('insurance_area.format');
  if (code === '') return invalid('insurance_area.required');
  if (!/^\d{6}$/.test(code)) return invalid('insurance_area.format');
  const region = parseRegionCode(code);
  if (!region.ok) return invalid('insurance_area.region');
  return valid({ code, level: region.value.level });
}

/** A 门诊慢特病病种 code: 'M' + 5 digits (format only; whether the pool covers it is policy data). */
export function validateChronicDiseaseCode(input: unknown): ValidationResult<string> {
  const code = normalise(input);
  if (code === null) return invalid('chronic_disease.format');
  if (code === '') return invalid('chronic_disease.required');
  if (!/^M\d{5}$/.test(code)) return invalid('chronic_disease.format');
  return valid(code);
}

function normalise(input: unknown): string | null {
  const compact = compactCode(input, '-');
  return compact === null ? null : compact.toUpperCase();
}
