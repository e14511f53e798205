/**
 * 公民身份号码 (居民身份证 and 港澳台居民居住证 numbers), GB 11643-1999.
 *
 * 18 characters: 6-digit address code, 8-digit birth date YYYYMMDD (GB/T 7408), 3-digit sequence (odd = male,
 * even = female) and a check character computed with ISO 7064:1983 MOD 11-2 over the first 17 digits.
 * 15-digit numbers are the pre-1999 form (GB 11643-1989); they are refused with their own reason so the clerk can
 * ask for the current card instead of being told the number is "wrong".
 */
import { isProvinceCode } from './region-code.ts';
import { invalid, type ValidationReason, type ValidationResult, valid } from './result.ts';
import { compactCode } from './text.ts';

/** GB 11643-1999 校验码: weights Wi = 2^(i-1) mod 11 for positions 18…2, written left to right. */
const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** Check character indexed by (Σ ai·Wi) mod 11. */
const checkCharacters = '10X98765432';

/**
 * 国办发〔2018〕81号《港澳台居民居住证申领发放办法》第三条: residence-permit numbers follow GB 11643 with address
 * codes 810000 (Hong Kong), 820000 (Macao) and 830000 (Taiwan). 83 is valid only that way.
 */
const residencePermitAddress: Record<string, string> = { '81': '810000', '82': '820000', '83': '830000' };

/** Nobody now living was born before this; the standard's own example (440524188001010014) is from 1880. */
const earliestBirthDate = '19000101';
/** China has used UTC+8 without daylight saving since 1991, so "today" for a birth date is the UTC+8 date. */
const chinaOffsetMs = 8 * 60 * 60 * 1000;

export type Sex = 'male' | 'female';

export interface IdCardOptions {
  /** The moment of the check; a birth date after today (China time) is refused. Passed in: no hidden clock. */
  now: Date;
}

/** The normalised number: 18 characters, upper-case X. */
export function validateIdCard(input: unknown, options: IdCardOptions): ValidationResult<string> {
  const id = normaliseIdCard(input);
  if (id === null) return invalid('id_card.format');
  if (id === '') return invalid('id_card.required');
  if (/^\d{15}$/.test(id)) return invalid('id_card.legacy_15');
  if (!/^\d{17}[\dX]$/.test(id)) return invalid('id_card.format');
  if (!hasValidAddressCode(id)) return invalid('id_card.region');
  const birthProblem = birthDateProblem(id.slice(6, 14), options.now);
  if (birthProblem) return invalid(birthProblem);
  if (idCardCheckCharacter(id.slice(0, 17)) !== id[17]) return invalid('id_card.check_digit');
  return valid(id);
}

/** The check character for a 17-digit body, or null if the body is not 17 digits. Also used to build test data. */
export function idCardCheckCharacter(body: string): string | null {
  if (!/^\d{17}$/.test(body)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * (weights[i] as number);
  return checkCharacters[sum % 11] as string;
}

/** 'YYYY-MM-DD' from an 18-character number whose date is a real calendar date; null otherwise. */
export function birthDateOf(idCard: string): string | null {
  const id = normaliseIdCard(idCard);
  if (id === null || !/^\d{17}[\dX]$/.test(id)) return null;
  const date = id.slice(6, 14);
  if (!isCalendarDate(date)) return null;
  return `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}`;
}

/** GB 11643-1999 顺序码: the 17th digit is odd for men and even for women. */
export function sexOf(idCard: string): Sex | null {
  const id = normaliseIdCard(idCard);
  if (id === null || !/^\d{17}[\dX]$/.test(id)) return null;
  return Number(id[16]) % 2 === 1 ? 'male' : 'female';
}

/**
 * '430225********1234': the address code and the last four stay, the birth date and sequence are hidden
 * (security-style-anchors A2.3). A 15-digit legacy number keeps 6 + 3. Anything else is masked completely,
 * so a malformed value never leaks more than a well-formed one.
 */
export function maskIdCard(idCard: string): string {
  const id = normaliseIdCard(idCard) ?? '';
  if (/^\d{17}[\dX]$/.test(id)) return `${id.slice(0, 6)}********${id.slice(14)}`;
  if (/^\d{15}$/.test(id)) return `${id.slice(0, 6)}******${id.slice(12)}`;
  return '*'.repeat(id.length);
}

function normaliseIdCard(input: unknown): string | null {
  const compact = compactCode(input, '-');
  return compact === null ? null : compact.toUpperCase();
}

/**
 * Only the province part is checked: county codes are renamed and merged over time (GB/T 2260 changes yearly)
 * while a person keeps the number issued under the old code, so a 6-digit existence check would refuse real
 * people. The county-level lookup, where wanted, belongs to the region table, not to this format check.
 */
function hasValidAddressCode(id: string): boolean {
  const province = id.slice(0, 2);
  const permitAddress = residencePermitAddress[province];
  if (permitAddress !== undefined) return id.slice(0, 6) === permitAddress;
  return isProvinceCode(province);
}

type BirthDateReason = Extract<ValidationReason, `id_card.birth_date${string}`>;

function birthDateProblem(date: string, now: Date): BirthDateReason | null {
  if (!isCalendarDate(date)) return 'id_card.birth_date';
  if (date < earliestBirthDate) return 'id_card.birth_date_too_early';
  if (date > chinaDateOf(now)) return 'id_card.birth_date_future';
  return null;
}

/** YYYYMMDD names a day that exists (no 0230, leap years right). */
function isCalendarDate(date: string): boolean {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(4, 6));
  const day = Number(date.slice(6, 8));
  if (month < 1 || month > 12 || day < 1) return false;
  const probe = new Date(0);
  probe.setUTCFullYear(year, month - 1, day); // not Date.UTC, which reads years 0–99 as 1900–1999
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

function chinaDateOf(now: Date): string {
  const time = now.getTime();
  if (Number.isNaN(time)) throw new TypeError('validateIdCard: options.now is an invalid Date');
  return new Date(time + chinaOffsetMs).toISOString().slice(0, 10).replaceAll('-', '');
}
