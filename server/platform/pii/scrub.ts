import { maskIdCard, maskMobile } from './mask.ts';

/**
 * Free text that may carry personal numbers by accident — a reveal reason ("核实 13812345678 的来电"), an error
 * message, a URL path — is scrubbed before it is stored or logged (AUD-02, AUD-07). The numbers are masked
 * with the ordinary rules, so the text stays readable for an auditor: "核实 138****5678 的来电".
 */

/**
 * What a leak looks like, for scanners (the log-hygiene test) and for `containsPersonalNumber`: an ID number
 * (GB 11643, 18 characters, or the legacy 15 digits) or a mainland mobile, as a run of its own — not part of a
 * longer digit run or the fraction of a decimal, so epoch milliseconds, long order numbers and response times
 * (12.753625999999713) are not reported.
 */
export const personalNumberPatterns: Readonly<Record<'id_card' | 'mobile', RegExp>> = {
  id_card: /(?<![0-9]|[0-9]\.)(?:[0-9]{17}[0-9Xx]|[0-9]{15})(?![0-9Xx])/,
  // Not glued to a letter or digit before it: inside a UUID ('…a139-1234-4567-…') the dashed form is no phone.
  mobile: /(?<![0-9A-Za-z]|[0-9]\.)(?:\+?86[ -]?)?1[3-9][0-9](?:[ -]?[0-9]{4}){2}(?![0-9])/,
};

export function containsPersonalNumber(text: string): boolean {
  return Object.values(personalNumberPatterns).some((pattern) => pattern.test(text));
}

/** Long digit runs (with an optional check character X) — every ID number and compact mobile is one. */
const digitRun = /[0-9]{11,}[Xx]?/g;
/** Mobiles written with spaces or dashes: '138 1234 5678', '138-1234-5678'. */
const separatedMobile = /(?<![0-9])1[3-9][0-9](?:[ -][0-9]{4}){2}(?![0-9])/g;

/**
 * The text with every ID-number-shaped and mobile-shaped run masked. A run that merely contains such a shape
 * inside a longer number is starred completely: losing an order number is cheap, leaking a phone is not.
 */
export function scrubPersonalNumbers(text: string): string {
  return text.replace(digitRun, maskDigitRun).replace(separatedMobile, (phone) => maskMobile(phone));
}

function maskDigitRun(run: string): string {
  if (/^[0-9]{17}[0-9Xx]$/.test(run) || /^[0-9]{15}$/.test(run)) return maskIdCard(run);
  if (/^1[3-9][0-9]{9}$/.test(run)) return maskMobile(run);
  if (/[0-9]{17}[0-9Xx]|1[3-9][0-9]{9}|[0-9]{15}/.test(run)) return '*'.repeat(run.length);
  return run;
}
