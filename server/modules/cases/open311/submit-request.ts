import type { CaseChannel } from '../../../db/schema/cases.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError, type FieldProblems } from '../../../platform/http/app-error.ts';
import type { Locale } from '../../../platform/i18n/locale.ts';
import { translate } from '../../../platform/i18n/translate.ts';
import { findRegion } from '../../../platform/regions/regions.store.ts';
import { CaseScope } from '../case-scope.ts';
import { findCaseByNo } from '../cases.store.ts';
import { type CheckedReport, checkReport, type ReportInput, storeReport } from '../report-case.ts';
import { attributesFor, checkAttributes } from './attributes.ts';
import { shanghaiIso } from './format.ts';
import { attributesOf } from './request-body.ts';
import { findOpen311Category } from './services.ts';

/** POST Service Request arguments after validation (`attribute[code]` keys included). */
export interface SubmittedArguments {
  service_code: string;
  description: string;
  lat?: string;
  long?: string;
  address_string?: string;
  address_id?: string;
  account_id?: string;
  phone?: string;
  media_url?: string | string[];
  [attribute: string]: string | string[] | undefined;
}

/**
 * Our field names → the Open311 argument a partner sent, so a rule of the report path (outside the county,
 * unknown township, bad phone) names what the partner can fix. `regionCode` names `address_id` when that is
 * where the code came from.
 */
export function open311ArgumentOf(field: string, regionFrom: 'attribute' | 'address_id' = 'attribute'): string {
  const names: Record<string, string> = {
    lng: 'long',
    lat: 'lat',
    categoryCode: 'service_code',
    regionCode: regionFrom === 'address_id' ? 'address_id' : 'attribute[region_code]',
    areaM2: 'attribute[area_m2]',
    address: 'address_string',
    description: 'description',
    phone: 'phone',
    channel: 'attribute[channel]',
  };
  return names[field] ?? field;
}

function renamed(error: unknown, regionFrom: 'attribute' | 'address_id'): unknown {
  if (!(error instanceof AppError) || Object.keys(error.fields).length === 0) return error;
  const fields = Object.fromEntries(
    Object.entries(error.fields).map(([name, problem]) => [open311ArgumentOf(name, regionFrom), problem]),
  );
  return new AppError(error.status, error.code, error.messageKey, error.vars, fields);
}

/**
 * Checks a partner's request in full before anything is written, with the report path's own rules
 * (checkReport): the service exists (else the spec's 404); a location, as GeoReport v2 has it: lat and long
 * (inside the county), address_string or address_id; the service's attributes, the township among them
 * (`attribute[region_code]` or `address_id`; optional: without it the case waits in the county intake queue,
 * or goes to the township a scoped key is for); a description. Partners send no photos: the report takes
 * none (`prechecked = []`), unlike our own apps, which must attach one.
 */
export async function checkOpen311Submission(ctx: Ctx, args: SubmittedArguments): Promise<CheckedReport> {
  const category = await findOpen311Category(ctx, args.service_code);
  const problems: FieldProblems = locationProblems(args);
  const { given, regionFrom } = attributesWithRegion(args, problems);
  const attributes = checkAttributes(attributesFor(category), given);
  for (const [name, problem] of Object.entries(attributes.problems))
    problems[name === 'attribute[region_code]' && regionFrom === 'address_id' ? 'address_id' : name] = problem;
  if (args.description.trim() === '') problems.description = { key: 'field.required' };
  if (Object.keys(problems).length > 0) throw AppError.validation(problems);

  const regionCode = attributes.values.region_code === undefined ? undefined : String(attributes.values.region_code);
  const point =
    args.lat !== undefined && args.long !== undefined ? { lng: Number(args.long), lat: Number(args.lat) } : null;
  const input: ReportInput = {
    categoryCode: category.code,
    ...(point ?? {}),
    address: await addressOf(ctx, args.address_string, regionCode, point),
    ...(regionCode !== undefined ? { regionCode } : {}),
    description: args.description,
    ...(attributes.values.area_m2 !== undefined ? { areaM2: Number(attributes.values.area_m2) } : {}),
    photos: [],
    channel: attributes.values.channel as CaseChannel,
    ...(args.phone !== undefined ? { phone: args.phone } : {}),
    ...(args.account_id !== undefined ? { externalRef: args.account_id } : {}),
  };
  return checkReport(ctx, input, []).catch((error: unknown) => {
    throw renamed(error, regionFrom);
  });
}

/** GeoReport v2: a location is lat and long, or address_string, or address_id; a point comes whole. */
function locationProblems(args: SubmittedArguments): FieldProblems {
  const pointGiven = args.lat !== undefined || args.long !== undefined;
  if (!pointGiven && args.address_string === undefined && args.address_id === undefined) {
    const problem = { key: 'open311.location_required' };
    return { lat: problem, long: problem, address_string: problem };
  }
  const problems: FieldProblems = {};
  if (pointGiven && args.lat === undefined) problems.lat = { key: 'field.required' };
  if (pointGiven && args.long === undefined) problems.long = { key: 'field.required' };
  return problems;
}

/** What the staff read as the address: the partner's words, else the township's or village's name, else the point. */
async function addressOf(
  ctx: Ctx,
  given: string | undefined,
  regionCode: string | undefined,
  point: { lng: number; lat: number } | null,
): Promise<string> {
  if (given !== undefined && given.trim() !== '') return given.trim();
  const region = regionCode === undefined ? undefined : await findRegion(ctx.db, regionCode);
  if (region) return region.name;
  return point ? `${point.lng.toFixed(6)}, ${point.lat.toFixed(6)}` : (regionCode ?? '');
}

/** The attributes, with `address_id` standing in for a missing `attribute[region_code]` (and agreeing with a given one). */
function attributesWithRegion(args: SubmittedArguments, problems: FieldProblems) {
  const given = attributesOf(args);
  const regionFrom: 'attribute' | 'address_id' =
    given.region_code === undefined && args.address_id !== undefined ? 'address_id' : 'attribute';
  if (regionFrom === 'address_id') given.region_code = args.address_id!;
  else if (args.address_id !== undefined && given.region_code !== args.address_id)
    problems.address_id = { key: 'open311.address_id_mismatch' };
  return { given, regionFrom };
}

/** What a POST answers, language-neutral (stored for Idempotency-Key replays, presented per caller). */
export interface SubmittedRequest {
  caseNo: string;
  /** The 受理 deadline: when the report will have been checked and registered (or rejected). */
  dueAt: string | null;
  accountId: string | null;
  mediaIgnored: boolean;
}

/** Stores the checked report inside the caller's transaction; the partner is `t.actor`. */
export async function storeOpen311Submission(
  t: Ctx,
  checked: CheckedReport,
  args: SubmittedArguments,
): Promise<SubmittedRequest> {
  const outcome = await storeReport(t, checked);
  const row = await findCaseByNo(t.db, t.countyCode, outcome.caseNo, CaseScope.countyWide('report-readback'));
  return {
    caseNo: outcome.caseNo,
    dueAt: row?.stageDueAt?.toISOString() ?? null,
    accountId: args.account_id ?? null,
    mediaIgnored: args.media_url !== undefined,
  };
}

/**
 * The POST response (`service_requests/request`): the id at once, never a token beside it (the spec allows
 * one or the other). `service_notice` says when the report will have been checked, and that media URLs are
 * not fetched (we make no outbound requests and keep no copy of remote media).
 */
export function presentSubmission(submitted: SubmittedRequest, locale: Locale) {
  const due = submitted.dueAt ? shanghaiIso(new Date(submitted.dueAt)).slice(0, 16).replace('T', ' ') : null;
  const notices = [
    due
      ? translate(locale, 'open311.service_notice', { caseNo: submitted.caseNo, due })
      : translate(locale, 'open311.service_notice_no_due', { caseNo: submitted.caseNo }),
  ];
  if (submitted.mediaIgnored) notices.push(translate(locale, 'open311.media_not_fetched'));
  return [
    {
      service_request_id: submitted.caseNo,
      service_notice: notices.join(locale === 'en' ? '. ' : '；'),
      account_id: submitted.accountId,
    },
  ];
}
