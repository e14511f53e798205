import type { MessageKey } from '../../../app/i18n/zh.ts';

export interface Lookup {
  caseNo: string;
  token: string;
}

export type LookupErrors = Partial<Record<keyof Lookup, string>>;

const caseNoPattern = /^\d{4}-\d{8,12}$/;

/** The number and code trimmed, as a phone's keyboard or a paste may pad them. */
export function trimmedLookup({ caseNo, token }: Lookup): Lookup {
  return { caseNo: caseNo.trim(), token: token.trim() };
}

/** The shape of a case number (`2026-00000123`) and of a tracking code, checked before the server is asked. */
export function lookupProblems({ caseNo, token }: Lookup): Partial<Record<keyof Lookup, MessageKey>> {
  return {
    ...(caseNoPattern.test(caseNo) ? {} : { caseNo: 'citizen.track.caseNoInvalid' }),
    ...(token.length >= 16 && token.length <= 64 ? {} : { token: 'citizen.track.tokenInvalid' }),
  };
}
