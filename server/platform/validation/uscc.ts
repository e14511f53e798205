/**
 * 统一社会信用代码, GB 32100-2015《法人和其他组织统一社会信用代码编码规则》.
 *
 *   position 1      登记管理部门代码 (registration authority)
 *   position 2      机构类别代码 (organisation type, meaningful per authority)
 *   positions 3–8   登记管理机关行政区划码 (GB/T 2260; 100000 for national registrations)
 *   positions 9–17  主体标识码 = 组织机构代码 (GB 11714-1997, whose own check character is position 17)
 *   position 18     校验码
 * Characters: digits and upper-case letters except I, O, Z, S, V (they look like 1, 0, 2, 5, U).
 */
import { isProvinceCode } from './region-code.ts';
import { invalid, type ValidationResult, valid } from './result.ts';
import { compactCode } from './text.ts';

/** GB 32100-2015 代码字符集, in value order: '0' = 0 … 'Y' = 30. */
const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** GB 32100-2015 校验码 weights: Wi = 3^(i-1) mod 31. */
const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** GB 11714-1997 组织机构代码: letters take A = 10 … Z = 35 over the full Latin alphabet, weights 3 7 9 10 5 8 4 2. */
const organizationAlphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const organizationWeights = [3, 7, 9, 10, 5, 8, 4, 2];

/**
 * Allowed 机构类别代码 per 登记管理部门代码 (GB 32100-2015 代码结构, table of 登记管理部门 and 机构类别, with the
 * later amendments that added A and N):
 *   1 机构编制: 1 机关, 2 事业单位, 3 中央编办直接管理机构编制的群众团体, 9 其他
 *   2 外交: 1 外国常驻新闻机构, 9 其他
 *   3 司法行政: 1 律师执业机构, 2 公证处, 3 基层法律服务所, 4 司法鉴定机构, 5 仲裁委员会, 9 其他
 *   4 文化: 1 外国在华文化中心, 9 其他
 *   5 民政: 1 社会团体, 2 民办非企业单位 (社会服务机构), 3 基金会, 9 其他
 *   6 旅游: 1 外国旅游部门常驻代表机构, 2 港澳台地区旅游部门常驻内地（大陆）代表机构, 9 其他
 *   7 宗教: 1 宗教活动场所, 2 宗教院校, 9 其他
 *   8 工会: 1 基层工会, 9 其他
 *   9 工商 (now 市场监管): 1 企业, 2 个体工商户, 3 农民专业合作社
 *   A 中央军委改革和编制办公室: 1 军队事业单位, 9 其他
 *   N 农业: 1 组级集体经济组织, 2 村级集体经济组织, 3 乡镇级集体经济组织, 9 其他
 *   Y 其他: 1
 * The standard text was not available to us; this table is the one several independent public implementations
 * agree on. It is an option so a new authority or type can be allowed without a code change here.
 */
export const defaultUsccOrganizationTypes: Readonly<Record<string, string>> = {
  '1': '1239',
  '2': '19',
  '3': '123459',
  '4': '19',
  '5': '1239',
  '6': '129',
  '7': '129',
  '8': '19',
  '9': '123',
  A: '19',
  N: '1239',
  Y: '1',
};

export interface UsccOptions {
  /** 登记管理部门代码 → the 机构类别代码 characters allowed with it. */
  organizationTypes?: Readonly<Record<string, string>>;
  /**
   * Also check the GB 11714 check character of the embedded 组织机构代码 (position 17). On by default because
   * GB 32100 requires positions 9–17 to be a valid 组织机构代码; off is the escape hatch if a real, registered
   * code is ever refused.
   */
  checkOrganizationCode?: boolean;
}

/** The normalised code: 18 characters, upper case, no separators. */
export function validateUscc(input: unknown, options: UsccOptions = {}): ValidationResult<string> {
  const code = normaliseUscc(input);
  if (code === null) return invalid('uscc.format');
  if (code === '') return invalid('uscc.required');
  if (!hasUsccShape(code)) return invalid('uscc.format');
  const types = (options.organizationTypes ?? defaultUsccOrganizationTypes)[code[0] as string];
  if (types === undefined) return invalid('uscc.registration_authority');
  if (!types.includes(code[1] as string)) return invalid('uscc.organization_type');
  if (!isRegistrationRegion(code.slice(2, 8))) return invalid('uscc.region');
  if (options.checkOrganizationCode !== false && !hasValidOrganizationCode(code.slice(8, 17))) {
    return invalid('uscc.organization_code');
  }
  if (usccCheckCharacter(code.slice(0, 17)) !== code[17]) return invalid('uscc.check_digit');
  return valid(code);
}

/** GB 32100-2015 校验码: C18 = 31 − (Σ Ci·Wi mod 31), where 31 is written 0. Null if the body is malformed. */
export function usccCheckCharacter(body: string): string | null {
  if (body.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = alphabet.indexOf(body[i] as string);
    if (value < 0) return null;
    sum += value * (weights[i] as number);
  }
  return alphabet[(31 - (sum % 31)) % 31] as string;
}

/** GB 11714-1997 校验码 of an 8-character 组织机构代码 body: C9 = 11 − (Σ Ci·Wi mod 11); 10 → X, 11 → 0. */
export function organizationCodeCheckCharacter(body: string): string | null {
  if (body.length !== 8) return null;
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const value = organizationAlphabet.indexOf(body[i] as string);
    if (value < 0) return null;
    sum += value * (organizationWeights[i] as number);
  }
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

function normaliseUscc(input: unknown): string | null {
  const compact = compactCode(input, '-');
  return compact === null ? null : compact.toUpperCase();
}

function hasUsccShape(code: string): boolean {
  if (code.length !== 18) return false;
  for (const char of code) if (!alphabet.includes(char)) return false;
  return /^\d{6}$/.test(code.slice(2, 8));
}

/**
 * Format only (county codes change; the registration keeps the old one): a real province, or 100000 which
 * GB 32100 uses for registrations by national authorities (社会团体 registered by 民政部 start 51100000…).
 */
function isRegistrationRegion(region: string): boolean {
  if (region === '100000') return true;
  return isProvinceCode(region.slice(0, 2));
}

function hasValidOrganizationCode(organizationCode: string): boolean {
  return organizationCodeCheckCharacter(organizationCode.slice(0, 8)) === organizationCode[8];
}
