import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { decryptColumnValue } from '../../platform/pii/column-crypto.ts';
import type { Revealer } from '../../platform/pii/reveal.ts';
import { loadVisibleCase } from './apply-action.ts';
import type { CaseRow } from './cases.store.ts';

/** Only a case number names a case; anything else is "not found" before any query. */
const caseNoPattern = /^[0-9]{4}-[0-9]{8,12}$/;

/** Given to the roles that take citizens' reports and call them back (cases.module.ts grants). */
export const revealReporterPhone = 'pii.reveal.reporter_phone';

/**
 * A hotline caller's name, given to the same roles. Its own permission because it is another category of
 * personal data (a name, not a contact) and a county may grant one without the other (PIPL art. 6 最小必要).
 */
export const revealReporterName = 'pii.reveal.reporter_name';

/**
 * The case as the case page reads it, in the actor's scope, so another township's case is an audited denial.
 * Out of scope and no such case both come back undefined, which reveal.ts answers with one 404.
 */
async function visibleCase(ctx: Ctx, caseNo: string): Promise<CaseRow | undefined> {
  if (!caseNoPattern.test(caseNo)) return undefined;
  try {
    return await loadVisibleCase(ctx, caseNo);
  } catch (error) {
    if (error instanceof AppError && error.status === 404) return undefined;
    throw error;
  }
}

/** A citizen's phone on a case (left on the report form, or the caller's given to the hotline), or null. */
export async function loadReporterPhone(ctx: Ctx, caseNo: string): Promise<string | null> {
  const row = await visibleCase(ctx, caseNo);
  return row?.reporterPhoneEnc
    ? decryptColumnValue(ctx.keyring, 'cases_case', 'reporter_phone_enc', row.reporterPhoneEnc)
    : null;
}

/** The name a 12345 caller gave the dispatcher (hotline-intake.ts), or null. */
export async function loadReporterName(ctx: Ctx, caseNo: string): Promise<string | null> {
  const row = await visibleCase(ctx, caseNo);
  return row?.reporterNameEnc
    ? decryptColumnValue(ctx.keyring, 'cases_case', 'reporter_name_enc', row.reporterNameEnc)
    : null;
}

/** The case's revealable fields, declared in the cases manifest. */
export const caseRevealer: Revealer = {
  objectType: 'case',
  fields: {
    reporterPhone: { category: 'contact', permission: revealReporterPhone, load: loadReporterPhone },
    callerName: { category: 'name', permission: revealReporterName, load: loadReporterName },
  },
};
