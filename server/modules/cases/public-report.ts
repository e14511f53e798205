import type { Ctx } from '../../platform/context.ts';
import { AppError, type FieldProblems } from '../../platform/http/app-error.ts';
import type { CitizenReportInput } from './cases.schema.ts';
import { describesPlace, minimumPlaceCharacters, normaliseAddress } from '../../../rules/address.ts';
import { type CheckedReport, checkReport } from './report-case.ts';

/** As the schema's limit on the address as sent (`reportFields.address`). */
const addressMaxLength = 200;

/**
 * A citizen's report, checked before anything is written. Where it is: the phone's point (the township may be
 * left to the dispatcher, as for an Open311 partner: 待定乡镇), or — location refused or unavailable — the
 * township with the address in words, which must then be enough to find the spot. Neither is a 400 at
 * `regionCode`, the picker the form shows when there is no point. The rest is the report path's own check.
 */
export async function checkCitizenReport(ctx: Ctx, body: CitizenReportInput): Promise<CheckedReport> {
  const address = normaliseAddress(body.address);
  const hasPoint = body.lng !== undefined || body.lat !== undefined;
  const problems: FieldProblems = {};
  if (!hasPoint && body.regionCode === undefined) problems.regionCode = { key: 'cases.public.place_required' };
  if (address === '') problems.address = { key: 'cases.public.address_required' };
  // Folding compatibility forms can lengthen the words ("㍿" is four characters): the limit holds for what is kept.
  else if (address.length > addressMaxLength)
    problems.address = { key: 'field.max_length', vars: { limit: addressMaxLength } };
  else if (!hasPoint && !describesPlace(address))
    problems.address = { key: 'cases.public.address_vague', vars: { min: minimumPlaceCharacters } };
  if (Object.keys(problems).length > 0) throw AppError.validation(problems);
  return checkReport(ctx, { ...body, address, channel: 'citizen' }, undefined, 'citizen');
}
