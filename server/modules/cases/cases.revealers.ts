import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { decryptColumnValue } from '../../platform/pii/column-crypto.ts';
import type { Revealer } from '../../platform/pii/reveal.ts';
import { loadVisibleCase } from './apply-action.ts';

/** Only a case number names a case; anything else is "not found" before any query. */
const caseNoPattern = /^[0-9]{4}-[0-9]{8,12}$/;

/** Given to the roles that take citizens' reports and call them back (cases.module.ts grants). */
export const revealReporterPhone = 'pii.reveal.reporter_phone';

/**
 * A citizen's phone on a case (left on the report form for follow-up), for someone who may read the case: it is
 * read in their scope exactly as the case page reads it, so another township's case is an audited denial.
 * Out of scope, no such case and no phone all come back null, which reveal.ts answers with one 404.
 */
export async function loadReporterPhone(ctx: Ctx, caseNo: string): Promise<string | null> {
  if (!caseNoPattern.test(caseNo)) return null;
  try {
    const row = await loadVisibleCase(ctx, caseNo);
    return row.reporterPhoneEnc
      ? decryptColumnValue(ctx.keyring, 'cases_case', 'reporter_phone_enc', row.reporterPhoneEnc)
      : null;
  } catch (error) {
    if (error instanceof AppError && error.status === 404) return null;
    throw error;
  }
}

/** The case's revealable fields, declared in the cases manifest. */
export const caseRevealer: Revealer = {
  objectType: 'case',
  fields: {
    reporterPhone: { category: 'contact', permission: revealReporterPhone, load: loadReporterPhone },
  },
};
