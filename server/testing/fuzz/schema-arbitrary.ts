import fc from 'fast-check';

/** The JSON-schema subset the OpenAPI document uses (TypeBox output, as @fastify/swagger writes it). */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  nullable?: boolean;
}

/** Values known to exist in the fuzzed database, by field name: they let a valid-looking request reach the rules. */
export type KnownValues = Record<string, readonly unknown[]>;

/**
 * An arbitrary of values the schema accepts (mostly: patterns and formats are honoured, cross-field rules are
 * not), preferring a known value for a field of that name half of the time.
 */
export function arbitraryOf(schema: JsonSchema, known: KnownValues = {}, name?: string): fc.Arbitrary<unknown> {
  const generated = fromSchema(schema, known);
  const candidates = name ? (known[name] ?? []).filter((value) => fitsType(schema, value)) : [];
  return candidates.length > 0 ? fc.oneof(fc.constantFrom(...candidates), generated) : generated;
}

function fromSchema(schema: JsonSchema, known: KnownValues): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices) return fc.oneof(...choices.map((choice) => arbitraryOf(choice, known)));
  const types = [schema.type ?? 'string'].flat();
  const arbitraries = types.map((type) => ofType(type, schema, known));
  if (schema.nullable) arbitraries.push(fc.constant(null));
  return arbitraries.length === 1 ? arbitraries[0]! : fc.oneof(...arbitraries);
}

function ofType(type: string, schema: JsonSchema, known: KnownValues): fc.Arbitrary<unknown> {
  switch (type) {
    case 'object':
      return objectOf(schema, known);
    case 'array':
      return fc.array(arbitraryOf(schema.items ?? {}, known), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 3, (schema.minItems ?? 0) + 3),
      });
    case 'integer':
      return fc.integer({ min: lowerBound(schema, 1), max: upperBound(schema, 1) });
    case 'number':
      return fc.double({
        min: lowerBound(schema, 0.001),
        max: upperBound(schema, 0.001),
        noNaN: true,
        noDefaultInfinity: true,
      });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return stringOf(schema);
  }
}

function objectOf(schema: JsonSchema, known: KnownValues): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, property] of Object.entries(properties)) record[name] = arbitraryOf(property, known, name);
  return fc.record(record, { requiredKeys: (schema.required ?? []).filter((name) => name in properties) });
}

function stringOf(schema: JsonSchema): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.min(schema.maxLength ?? 40, minLength + 40);
  const fits = (text: string) =>
    text.length >= (schema.minLength ?? 0) && text.length <= (schema.maxLength ?? Number.POSITIVE_INFINITY);
  switch (schema.format) {
    case 'uuid':
      return fc.uuid();
    case 'date-time':
      return fc
        .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
        .map((d) => d.toISOString());
    case 'date':
      return fc
        .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10));
  }
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern)).filter(fits);
  return fc.string({ minLength, maxLength, unit: 'grapheme' }).filter(fits);
}

function lowerBound(schema: JsonSchema, step: number): number {
  if (schema.exclusiveMinimum !== undefined) return schema.exclusiveMinimum + step;
  return schema.minimum ?? -1_000_000;
}

function upperBound(schema: JsonSchema, step: number): number {
  if (schema.exclusiveMaximum !== undefined) return schema.exclusiveMaximum - step;
  return schema.maximum ?? 1_000_000;
}

/** Whether a known value has the schema's JSON type (a known case number is no use where a number goes). */
function fitsType(schema: JsonSchema, value: unknown): boolean {
  if (schema.enum) return schema.enum.includes(value);
  const types = [schema.type ?? []].flat();
  if (types.length === 0) return true;
  return types.some((type) => {
    if (type === 'integer') return Number.isInteger(value);
    if (type === 'array') return Array.isArray(value);
    if (type === 'object') return typeof value === 'object' && value !== null && !Array.isArray(value);
    if (type === 'null') return value === null;
    return typeof value === type;
  });
}
