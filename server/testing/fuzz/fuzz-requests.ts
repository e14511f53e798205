import fc from 'fast-check';
import { arbitraryOf, type JsonSchema, type KnownValues } from './schema-arbitrary.ts';

/**
 * Requests for the OpenAPI fuzz test: one operation of the app's own document, a valid-looking request built
 * from its schemas, and one kind of damage done to it. Every choice comes from the seed, so a failure replays.
 */
export interface Operation {
  method: string;
  /** The OpenAPI path, `{name}` for parameters. */
  path: string;
  /** The route's `x-permission`; null for a public route. */
  permission: string | null;
  pathParams: Parameter[];
  queryParams: Parameter[];
  headerParams: Parameter[];
  /** A structured body (JSON, and for Open311 also a form). */
  body: { contentTypes: string[]; schema: JsonSchema } | null;
  /** A write without a body schema: its body is raw bytes (a photo upload) or nothing. */
  rawBody: boolean;
}

interface Parameter {
  name: string;
  required: boolean;
  schema: JsonSchema;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
}

interface OpenApiOperation {
  'x-permission'?: string;
  parameters?: Array<{ in: string; name: string; required?: boolean; schema?: JsonSchema }>;
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

const writeMethods = new Set(['post', 'put', 'patch', 'delete']);

export function operationsOf(document: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const parameters = (where: string) =>
        (op.parameters ?? [])
          .filter((p) => p.in === where)
          .map((p) => ({ name: p.name, required: p.required === true || where === 'path', schema: p.schema ?? {} }));
      const content = op.requestBody?.content ?? {};
      const contentTypes = Object.keys(content).filter((type) => content[type]?.schema);
      operations.push({
        method: method.toUpperCase(),
        path,
        permission: op['x-permission'] ?? null,
        pathParams: parameters('path'),
        queryParams: parameters('query'),
        headerParams: parameters('header'),
        body: contentTypes.length > 0 ? { contentTypes, schema: content[contentTypes[0]!]!.schema! } : null,
        rawBody: contentTypes.length === 0 && method !== 'delete' && writeMethods.has(method),
      });
    }
  }
  return operations;
}

export const mutations = [
  'valid',
  'malformed_json',
  'wrong_types',
  'unknown_fields',
  'nul',
  'lone_surrogate',
  'huge_strings',
  'bad_path',
  'bad_query',
] as const;
export type Mutation = (typeof mutations)[number];

export interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
  /** Where the damage went, for the failure message. */
  damage: string;
}

/** A few-line PRNG (mulberry32): the fuzz test's choices, reproducible from the seed. */
export function rng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    below: (n: number) => Math.floor(next() * n),
    pick<T>(items: readonly T[]): T {
      return items[Math.floor(next() * items.length)]!;
    },
  };
}
type Rng = ReturnType<typeof rng>;

const lone = ['\uD800', '\uDBFF', '\uDC00', '\uDFFF'];
const hugeText = (random: Rng) => (random.below(2) === 0 ? 'x' : '霞').repeat(100_000);
/** Path segments no route expects: NUL, traversal, overflow, another script, injection, a bad escape. */
const badPathValues = [
  '%00',
  'a%00b',
  '..',
  '..%2F..%2Fetc%2Fpasswd',
  'x'.repeat(190),
  '-1',
  '0',
  '1e400',
  '99999999999999999999999',
  '%E9%9C%9E%E9%98%B3',
  '%20',
  'null',
  '%7B%7D',
  "'%20or%201%3D1--",
  '%ED%A0%80',
  '%F0%9F%9A%B2',
];
const badQueryValues = [
  '%00',
  '-1',
  '0',
  '1.5',
  '1e400',
  '99999999999999999999',
  'true',
  '%5B%5D',
  '',
  '%20',
  'x'.repeat(300),
  '2026-13-45',
  'NaN',
  '%ED%A0%80',
  '%E9%9C%9E',
];
const wrongTypedValues: unknown[] = [
  12345,
  -1,
  1.5,
  1e308,
  true,
  false,
  null,
  [],
  [1, 'x'],
  {},
  { nested: { deeper: [] } },
  '',
  'text',
  '1e400',
];

export function fuzzRequest(operation: Operation, mutation: Mutation, seed: number, known: KnownValues): FuzzRequest {
  const random = rng(seed);
  const draft = new Draft(operation, random, known);
  damages[mutation](draft, random);
  return draft.toRequest(mutation, known);
}

/** Each kind of damage, done to a valid-looking draft. */
const damages: Record<Mutation, (draft: Draft, random: Rng) => void> = {
  valid: () => {},
  malformed_json: (draft, random) => {
    const text = JSON.stringify(draft.body ?? { fuzz: true });
    draft.rawJson =
      text.slice(0, random.below(text.length)) + random.pick(['', '{', ',', '"\\u12', ']]', '\u0000', 'NaN', '}{']);
    draft.damage = 'body (malformed JSON)';
  },
  wrong_types: (draft) => draft.wrongType(),
  unknown_fields: (draft) => draft.unknownField(),
  nul: (draft, random) =>
    draft.spoilText(
      (text) => insertAt(text, random.below(text.length + 1), '\u0000'),
      random.pick(['%00', 'a%00', '%00%00x']),
    ),
  lone_surrogate: (draft, random) =>
    draft.spoilText((text) => insertAt(text, random.below(text.length + 1), random.pick(lone)), '%ED%A0%80'),
  huge_strings: (draft, random) => draft.spoilText(() => hugeText(random), encodeURIComponent(hugeText(random))),
  bad_path: (draft, random) => {
    if (draft.operation.pathParams.length > 0) draft.setPath(random.pick(badPathValues));
    else draft.setQuery(random.pick(badQueryValues));
  },
  bad_query: (draft) => draft.badQuery(),
};

/** A valid-looking request from the operation's schemas (known values half of the time), then damaged. */
class Draft {
  readonly pathValues: Map<string, string>;
  readonly query: Array<[string, string]> = [];
  readonly headers: Record<string, string> = {};
  body: unknown;
  rawJson: string | undefined;
  damage = 'none';
  private readonly form: boolean;

  constructor(
    readonly operation: Operation,
    private readonly random: Rng,
    known: KnownValues,
  ) {
    const sample = (schema: JsonSchema, name?: string) =>
      fc.sample(arbitraryOf(schema, known, name), { seed: random.below(2 ** 31), numRuns: 1 })[0];
    this.pathValues = new Map(
      operation.pathParams.map((p) => [p.name, encodeURIComponent(String(sample(p.schema, p.name)))]),
    );
    for (const p of operation.queryParams) {
      if (p.required || random.below(2) === 0)
        this.query.push([p.name, encodeURIComponent(String(sample(p.schema, p.name)))]);
    }
    for (const p of operation.headerParams) this.headers[p.name] = String(sample(p.schema, p.name));
    this.body = operation.body ? sample(operation.body.schema) : undefined;
    this.form =
      operation.body?.contentTypes.includes('application/x-www-form-urlencoded') === true && random.below(2) === 0;
  }

  setQuery(value: string): void {
    const { query, random } = this;
    if (query.length > 0 && random.below(3) > 0) {
      const at = random.below(query.length);
      query[at] = [query[at]![0], value];
      this.damage = `query ${query[at]![0]}`;
      return;
    }
    const name = this.operation.queryParams.length > 0 ? random.pick(this.operation.queryParams).name : 'unexpected';
    query.push([name, value]);
    this.damage = `query ${name}`;
  }

  setPath(value: string): void {
    const name = this.random.pick(this.operation.pathParams).name;
    this.pathValues.set(name, value);
    this.damage = `path ${name}`;
  }

  /** One string of the body, or one path or query argument, spoiled. */
  spoilText(spoil: (text: string) => string, urlValue: string): void {
    const leaves = this.body === undefined ? [] : stringLeaves(this.body);
    const where = this.random.below(3);
    if (leaves.length > 0 && where > 0) {
      const leaf = this.random.pick(leaves);
      this.body = setAt(this.body, leaf, spoil(getAt(this.body, leaf) as string));
      this.damage = `body ${leaf.join('.') || '(whole)'}`;
    } else if (this.operation.pathParams.length > 0 && where === 0) this.setPath(urlValue);
    else this.setQuery(urlValue);
  }

  wrongType(): void {
    const paths = this.body === undefined ? [] : allPaths(this.body);
    if (paths.length > 0 && this.random.below(4) > 0) {
      const at = this.random.pick(paths);
      this.body = setAt(this.body, at, this.random.pick(wrongTypedValues));
      this.damage = `body ${at.join('.') || '(whole)'} wrong type`;
    } else if (this.operation.body && this.random.below(2) === 0) {
      this.body = this.random.pick(wrongTypedValues);
      this.damage = 'body (whole) wrong type';
    } else this.setQuery(this.random.pick(badQueryValues));
  }

  unknownField(): void {
    if (typeof this.body === 'object' && this.body !== null && !Array.isArray(this.body)) {
      this.body = { ...this.body, __fuzz_unknown: this.random.pick(wrongTypedValues), constructor: 'x' };
      this.damage = 'body unknown field';
      return;
    }
    this.query.push(['__fuzz_unknown', '1']);
    this.damage = 'query unknown field';
  }

  badQuery(): void {
    if (this.random.below(4) === 0 && this.query.length > 0) {
      const [name, value] = this.random.pick(this.query);
      this.query.push([name, value]); // the same argument twice: an array where a scalar was declared
      this.damage = `query ${name} repeated`;
      return;
    }
    this.setQuery(this.random.pick(badQueryValues));
  }

  toRequest(mutation: Mutation, known: KnownValues): FuzzRequest {
    const url = this.operation.path.replace(/\{([^}]+)\}/g, (_whole, name: string) => this.pathValues.get(name) ?? 'x');
    const search = this.query.map(([name, value]) => `${encodeURIComponent(name)}=${value}`).join('&');
    const request: FuzzRequest = {
      method: this.operation.method,
      url: search ? `${url}?${search}` : url,
      headers: this.headers,
      damage: this.damage,
    };
    const withBody = (type: string, payload: string): FuzzRequest => ({
      ...request,
      headers: { ...this.headers, 'content-type': type },
      payload,
    });
    if (this.rawJson !== undefined) return withBody('application/json', this.rawJson);
    if (this.operation.rawBody) return withRawBody(request, mutation, this.random, known);
    if (this.body === undefined) return request;
    if (this.form && typeof this.body === 'object' && this.body !== null && !Array.isArray(this.body)) {
      return withBody('application/x-www-form-urlencoded', formOf(this.body as Record<string, unknown>));
    }
    return withBody('application/json', JSON.stringify(this.body));
  }
}

/**
 * A write whose document names no body: nothing at all (logout, unlock), or — for the photo uploads, whose raw
 * image body the document cannot describe — the known photo, its bytes cut, bytes that are no image, or JSON.
 */
function withRawBody(request: FuzzRequest, mutation: Mutation, random: Rng, known: KnownValues): FuzzRequest {
  if (random.below(2) === 0) return { ...request, damage: `${request.damage}, no body` };
  const photo = (known.photoBytes?.[0] as Buffer | undefined) ?? Buffer.from('no photo known');
  const choice = mutation === 'valid' ? 0 : 1 + random.below(4);
  const bodies: Array<[string, Buffer | string]> = [
    ['image/jpeg', photo],
    ['image/jpeg', photo.subarray(0, random.below(photo.length))],
    ['image/png', Buffer.from(Array.from({ length: 64 }, () => random.below(256)))],
    ['application/octet-stream', Buffer.alloc(0)],
    ['application/json', '{"data":"\\u0000"}'],
  ];
  const [type, payload] = bodies[choice]!;
  return {
    ...request,
    headers: { ...request.headers, 'content-type': type },
    payload,
    damage: `raw body ${type} (${choice})`,
  };
}

function formOf(body: Record<string, unknown>): string {
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries(body)) {
    for (const item of Array.isArray(value) ? value : [value])
      form.append(name, typeof item === 'string' ? item : JSON.stringify(item));
  }
  return form.toString();
}

type PathTo = Array<string | number>;

function allPaths(value: unknown, at: PathTo = []): PathTo[] {
  const here: PathTo[] = [at];
  if (Array.isArray(value)) return here.concat(value.flatMap((item, i) => allPaths(item, [...at, i])));
  if (typeof value === 'object' && value !== null)
    return here.concat(Object.entries(value).flatMap(([key, item]) => allPaths(item, [...at, key])));
  return here;
}

function stringLeaves(value: unknown): PathTo[] {
  return allPaths(value).filter((path) => typeof getAt(value, path) === 'string');
}

function getAt(value: unknown, path: PathTo): unknown {
  return path.reduce<unknown>((here, key) => (here as Record<string | number, unknown>)[key], value);
}

function setAt(value: unknown, path: PathTo, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [key, ...rest] = path;
  const copy = Array.isArray(value) ? [...value] : { ...(value as object) };
  (copy as Record<string | number, unknown>)[key!] = setAt(
    (value as Record<string | number, unknown>)[key!],
    rest,
    replacement,
  );
  return copy;
}

function insertAt(text: string, at: number, inserted: string): string {
  // Never between the halves of a pair: that would make a second lone surrogate rather than insert one.
  const safe = at > 0 && /[\uD800-\uDBFF]/.test(text[at - 1]!) ? at + 1 : at;
  return text.slice(0, safe) + inserted + text.slice(safe);
}
