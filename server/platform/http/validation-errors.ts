import type { FieldProblem, FieldProblems } from './app-error.ts';

/** One error as TypeBox's compiler reports it (ajv-compatible shape). */
export interface SchemaError {
  keyword: string;
  schemaPath: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string;
}

/** `/items/2/name` → `items.2.name`; the request part (body, querystring, params) is not part of the name. */
export function fieldName(instancePath: string, child?: string): string {
  const parts = instancePath.split('/').filter(Boolean).map(unescapePointer);
  if (child !== undefined) parts.push(child);
  return parts.length > 0 ? parts.join('.') : '_';
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

const limitKeywords: Record<string, string> = {
  minLength: 'field.min_length',
  maxLength: 'field.max_length',
  minimum: 'field.minimum',
  maximum: 'field.maximum',
  exclusiveMinimum: 'field.exclusive_minimum',
  exclusiveMaximum: 'field.exclusive_maximum',
  minItems: 'field.min_items',
  maxItems: 'field.max_items',
};

/** Turns schema errors into one problem per field; the first problem found for a field wins. */
export function toFieldProblems(errors: readonly SchemaError[]): FieldProblems {
  const fields: FieldProblems = {};
  const add = (name: string, problem: FieldProblem) => {
    if (!(name in fields)) fields[name] = problem;
  };
  for (const error of errors) {
    for (const [name, problem] of problemsOf(error)) add(name, problem);
  }
  return fields;
}

function problemsOf(error: SchemaError): Array<[string, FieldProblem]> {
  const { keyword, params, instancePath } = error;
  const here = fieldName(instancePath);
  if (keyword === 'boolean' && error.schemaPath.endsWith('/additionalProperties'))
    return [[here, { key: 'field.unknown' }]];
  if (keyword === 'additionalProperties') {
    return asStrings(params.additionalProperties).map((p) => [fieldName(instancePath, p), { key: 'field.unknown' }]);
  }
  if (keyword === 'required') {
    return asStrings(params.requiredProperties).map((p) => [fieldName(instancePath, p), { key: 'field.required' }]);
  }
  if (keyword === 'type') return [[here, { key: `field.type.${firstType(params.type)}` }]];
  const limitKey = limitKeywords[keyword];
  if (limitKey) return [[here, { key: limitKey, vars: { limit: String(params.limit ?? '') } }]];
  if (keyword === 'format') return [[here, { key: formatKey(params.format) }]];
  if (keyword === 'pattern') return [[here, { key: 'field.pattern' }]];
  if (keyword === 'uniqueItems') return [[here, { key: 'field.unique_items' }]];
  if (keyword === 'enum' || keyword === 'const' || keyword === 'anyOf' || keyword === 'oneOf') {
    return [[here, { key: 'field.enum' }]];
  }
  return [[here, { key: 'field.invalid' }]];
}

function asStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

function firstType(type: unknown): string {
  const name = Array.isArray(type) ? type[0] : type;
  return typeof name === 'string' ? name : 'string';
}

/** Formats registered by the platform (id-card, mobile, …) carry their own message key `format.<name>`. */
function formatKey(format: unknown): string {
  return typeof format === 'string' ? `format.${format}` : 'field.format';
}
