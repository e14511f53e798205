import type { FieldProblems } from '../../../platform/http/app-error.ts';
import type { Locale } from '../../../platform/i18n/locale.ts';
import { translate } from '../../../platform/i18n/translate.ts';

/** GeoReport v2 attribute datatypes. */
export type Open311Datatype = 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';

/** One attribute of a service definition, language-neutral: texts are message keys, presented per locale. */
export interface Open311AttributeSpec {
  code: string;
  datatype: Open311Datatype;
  required: boolean;
  /** true: the reporter fills it in (false would be an informational text, which we do not use). */
  variable: boolean;
  order: number;
  descriptionKey: string;
  datatypeDescriptionKey: string;
  values: ReadonlyArray<{ key: string; nameKey: string }>;
  /** What an absent optional list attribute means. */
  defaultValue?: string;
  /** Numbers must be greater than this. */
  exclusiveMinimum?: number;
  /** Strings must match this (whole value). */
  pattern?: RegExp;
}

/** The part of a catalogue category the attributes depend on (a `CategoryDto` fits). */
export interface AttributeSource {
  measureUnit: string | null;
}

/** How the report reached us; partners that do not say are 'other'. */
export const reportChannels = ['patrol', 'citizen', 'volunteer', 'hotline', 'other'] as const;
export type ReportChannel = (typeof reportChannels)[number];

/**
 * Where the case belongs: the 9-digit township or 12-digit village code (统计用区划代码) of this county. A
 * `string`, not a `singlevaluelist`: the county's villages are hundreds of values. The same code may come as
 * the POST's `address_id` instead (our address ids are region codes). Optional, since GeoReport v2 asks only
 * for a location: we hold no township boundaries to find the township from lat/long, so without it the case
 * waits in the county intake queue, township to be assigned (a key scoped to one township files it there).
 */
export const regionCodeAttribute: Omit<Open311AttributeSpec, 'order'> = {
  code: 'region_code',
  datatype: 'string',
  required: false,
  variable: true,
  descriptionKey: 'open311.attribute.region_code',
  datatypeDescriptionKey: 'open311.attribute.region_code.datatype',
  values: [],
  pattern: /^[0-9]{9}([0-9]{3})?$/,
};

const areaAttribute: Omit<Open311AttributeSpec, 'order'> = {
  code: 'area_m2',
  datatype: 'number',
  required: true,
  variable: true,
  descriptionKey: 'open311.attribute.area_m2',
  datatypeDescriptionKey: 'open311.attribute.area_m2.datatype',
  values: [],
  exclusiveMinimum: 0,
};

const channelAttribute: Omit<Open311AttributeSpec, 'order'> = {
  code: 'channel',
  datatype: 'singlevaluelist',
  required: false,
  variable: true,
  descriptionKey: 'open311.attribute.channel',
  datatypeDescriptionKey: 'open311.attribute.channel.datatype',
  values: reportChannels.map((key) => ({ key, nameKey: `open311.channel.${key}` })),
  defaultValue: 'other',
};

/**
 * The attributes a service asks for: every service needs the township or village the case is in; categories
 * measured in square metres (私搭乱建 06001) need the area, which sets the handling step and the penalty; every
 * service takes the reporting channel.
 */
export function attributesFor(category: AttributeSource): Open311AttributeSpec[] {
  const attributes =
    category.measureUnit === 'm2'
      ? [regionCodeAttribute, areaAttribute, channelAttribute]
      : [regionCodeAttribute, channelAttribute];
  return attributes.map((attribute, index) => ({ ...attribute, order: index + 1 }));
}

/** The wire shape of an attribute (GeoReport v2 field order); `values` only for the list datatypes. */
export function presentAttribute(spec: Open311AttributeSpec, locale: Locale) {
  const isList = spec.datatype === 'singlevaluelist' || spec.datatype === 'multivaluelist';
  return {
    variable: spec.variable,
    code: spec.code,
    datatype: spec.datatype,
    required: spec.required,
    datatype_description: translate(locale, spec.datatypeDescriptionKey),
    order: spec.order,
    description: translate(locale, spec.descriptionKey),
    ...(isList ? { values: spec.values.map((v) => ({ key: v.key, name: translate(locale, v.nameKey) })) } : {}),
  };
}

export type AttributeValue = string | number | string[];
/** `attribute[code]=v` (`attribute[code][]=v` for multi-value lists) as the form parser hands them over. */
export type GivenAttributes = Readonly<Record<string, string | readonly string[] | undefined>>;

const decimal = /^\d{1,12}(\.\d{1,6})?$/;
/** Open311 datetimes carry their offset (W3C ISO-8601 subset). */
const isoWithZone = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A W3C datetime with its zone that names a real instant (`2026-02-30T…` does not). */
export function isOpen311Datetime(raw: string): boolean {
  if (!isoWithZone.test(raw)) return false;
  const ms = Date.parse(raw);
  // Date.parse rolls 02-30 over to 03-02; the calendar date written must survive the round trip.
  return Number.isFinite(ms) && new Date(ms + zoneOffsetMs(raw)).toISOString().slice(0, 10) === raw.slice(0, 10);
}

function zoneOffsetMs(raw: string): number {
  const zone = /([+-])(\d{2}):(\d{2})$/.exec(raw);
  if (!zone) return 0;
  return (zone[1] === '-' ? -1 : 1) * (Number(zone[2]) * 60 + Number(zone[3])) * 60_000;
}

/**
 * Checks a POST's attributes against the service's: required ones present, numbers numeric and in range, list
 * values among the keys, no unknown codes. Problems are keyed `attribute[code]` with platform message keys.
 */
export function checkAttributes(
  specs: readonly Open311AttributeSpec[],
  given: GivenAttributes,
): { values: Record<string, AttributeValue>; problems: FieldProblems } {
  const values: Record<string, AttributeValue> = {};
  const problems: FieldProblems = {};
  const known = new Set(specs.map((s) => s.code));
  for (const code of Object.keys(given))
    if (!known.has(code)) problems[`attribute[${code}]`] = { key: 'field.unknown' };
  for (const spec of specs) {
    const result = checkOne(spec, emptyToAbsent(given[spec.code]));
    if ('problem' in result) problems[`attribute[${spec.code}]`] = result.problem;
    else if (result.value !== undefined) values[spec.code] = result.value;
  }
  return { values, problems };
}

/** Open311: an empty optional argument is an absent one. */
function emptyToAbsent(value: string | readonly string[] | undefined): string | readonly string[] | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string' && value.every((v) => v === '')) return undefined;
  return value;
}

type CheckResult = { value: AttributeValue | undefined } | { problem: FieldProblems[string] };

function checkOne(spec: Open311AttributeSpec, raw: string | readonly string[] | undefined): CheckResult {
  if (raw === undefined) return spec.required ? { problem: { key: 'field.required' } } : { value: spec.defaultValue };
  if (spec.datatype === 'multivaluelist') return checkMultiValue(spec, typeof raw === 'string' ? [raw] : [...raw]);
  if (typeof raw !== 'string') return { problem: { key: 'field.type.string' } };
  if (spec.datatype === 'singlevaluelist')
    return spec.values.some((v) => v.key === raw) ? { value: raw } : { problem: { key: 'field.enum' } };
  if (spec.datatype === 'number') return checkNumber(spec, raw);
  if (spec.datatype === 'datetime' && !isOpen311Datetime(raw)) return { problem: { key: 'format.date-time' } };
  if (spec.pattern && !spec.pattern.test(raw)) return { problem: { key: 'field.pattern' } };
  return { value: raw };
}

function checkMultiValue(spec: Open311AttributeSpec, list: string[]): CheckResult {
  const keys = new Set(spec.values.map((v) => v.key));
  return list.every((v) => keys.has(v)) ? { value: [...new Set(list)] } : { problem: { key: 'field.enum' } };
}

function checkNumber(spec: Open311AttributeSpec, raw: string): CheckResult {
  if (!decimal.test(raw)) return { problem: { key: 'field.type.number' } };
  const number = Number(raw);
  if (spec.exclusiveMinimum !== undefined && !(number > spec.exclusiveMinimum)) {
    return { problem: { key: 'field.exclusive_minimum', vars: { limit: spec.exclusiveMinimum } } };
  }
  return { value: number };
}
