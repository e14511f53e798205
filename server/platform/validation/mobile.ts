/**
 * Mainland China phone numbers: mobiles (11 digits, 1[3-9]…) and fixed lines with an area code
 * (service-desk users often give the home landline, e.g. 0731-xxxxxxxx for Zhuzhou and its counties).
 * Numbering follows the MIIT numbering plan (电信网编号计划): mobile numbers are 11 digits starting 13–19;
 * area codes are 010 and 02X (3 digits, 8-digit subscriber numbers) or 0XXX (4 digits, 7- or 8-digit numbers);
 * subscriber numbers never start with 0 or 1.
 */
import { invalid, type ValidationResult, valid } from './result.ts';
import { compactCode } from './text.ts';

const separators = '-()';

/** The 11-digit number, with any +86 / 0086 / 86 prefix, spaces and dashes removed. */
export function validateMobile(input: unknown): ValidationResult<string> {
  const compact = compactCode(input, separators);
  if (compact === null) return invalid('mobile.format');
  if (compact === '') return invalid('mobile.required');
  const national = stripCountryCode(compact);
  if (national === null) return invalid('mobile.not_mainland');
  if (!/^1[3-9]\d{9}$/.test(national)) return invalid('mobile.format');
  return valid(national);
}

export function isMobile(input: unknown): boolean {
  return validateMobile(input).ok;
}

/** '0731-22223333': the area code with its leading 0, a dash, the subscriber number. */
export function validateLandline(input: unknown): ValidationResult<string> {
  const compact = compactCode(input, separators);
  if (compact === null) return invalid('landline.format');
  if (compact === '') return invalid('landline.required');
  const national = nationalLandline(compact);
  const match = national === null ? null : /^(0(?:10|2\d)|0[3-9]\d{2})([2-9]\d{6,7})$/.exec(national);
  if (!match) return invalid('landline.format');
  const [, area = '', subscriber = ''] = match;
  // The 3-digit areas (Beijing 010, 02X cities) all have 8-digit subscriber numbers.
  if (area.length === 3 && subscriber.length !== 8) return invalid('landline.format');
  return valid(`${area}-${subscriber}`);
}

export function isLandline(input: unknown): boolean {
  return validateLandline(input).ok;
}

/**
 * '138****5678': the first 3 (carrier block) and last 4 stay (security-style-anchors A2.3).
 * Anything that is not a mobile number is masked completely, never partially revealed.
 */
export function maskMobile(phone: string): string {
  const result = validateMobile(phone);
  if (result.ok) return `${result.value.slice(0, 3)}****${result.value.slice(7)}`;
  return '*'.repeat((compactCode(phone, separators) ?? '').length);
}

/** Dialled from abroad the area code loses its trunk 0 (+86 731 …); put it back. */
function nationalLandline(compact: string): string | null {
  const national = stripCountryCode(compact);
  if (national === null || national === compact || national.startsWith('0')) return national;
  return `0${national}`;
}

/**
 * The national number, or null when the number carries a country code other than China's.
 * A bare 86 is only a prefix when what follows is a complete mobile number (8613812345678); otherwise
 * it could be the start of a local number.
 */
function stripCountryCode(compact: string): string | null {
  if (compact.startsWith('+')) return compact.startsWith('+86') ? compact.slice(3) : null;
  if (compact.startsWith('00')) return compact.startsWith('0086') ? compact.slice(4) : null;
  if (/^861[3-9]\d{9}$/.test(compact)) return compact.slice(2);
  return compact;
}
