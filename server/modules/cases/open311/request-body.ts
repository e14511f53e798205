/**
 * A POST's arguments as one flat map of strings, whichever way they came: the spec's
 * `application/x-www-form-urlencoded` form, or a JSON object (which clients write with numbers, nested
 * `attribute` objects and nulls). Validation then sees one shape.
 */
export type FlatArguments = Record<string, string | string[]>;

const multiKey = /^(.*)\[\]$/;

/**
 * The form, decoded (UTF-8, `+` as space). `attribute[code][]=a&attribute[code][]=b` (a multivaluelist)
 * becomes `attribute[code]: ['a', 'b']`; any other key given twice becomes a list too, which the schema refuses
 * for single-valued arguments. Built from entries, so a key named `__proto__` is just a key.
 */
export function parseOpen311Form(body: string): FlatArguments {
  const values = new Map<string, string | string[]>();
  for (const [rawKey, value] of new URLSearchParams(body)) {
    const multi = multiKey.exec(rawKey);
    const key = multi ? multi[1]! : rawKey;
    const earlier = values.get(key);
    if (earlier === undefined) values.set(key, multi ? [value] : value);
    else values.set(key, [...(Array.isArray(earlier) ? earlier : [earlier]), value]);
  }
  return Object.fromEntries(values);
}

type Scalar = string | number | boolean;
const isScalar = (value: unknown): value is Scalar =>
  typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean';
const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Both body kinds after parsing, flattened: numbers and booleans as the strings a form would carry, a nested
 * `attribute: { code: v }` as `attribute[code]`, and — GeoReport v2: "empty ≡ absent" — empty strings and
 * nulls dropped. Anything else (a nested object in a plain argument) is left for the schema to refuse.
 */
export function flattenOpen311Body(body: unknown): unknown {
  if (!isPlainObject(body)) return body;
  const out = new Map<string, unknown>();
  const put = (key: string, value: unknown) => {
    const flat = flatValue(value);
    if (flat !== undefined) out.set(key, flat);
  };
  for (const [key, value] of Object.entries(body)) {
    if (key === 'attribute' && isPlainObject(value))
      for (const [code, attribute] of Object.entries(value)) put(`attribute[${code}]`, attribute);
    else put(key.replace(multiKey, '$1'), value);
  }
  return Object.fromEntries(out);
}

function flatValue(value: unknown): unknown {
  if (value === null || value === undefined || value === '') return undefined;
  if (isScalar(value)) return String(value);
  if (Array.isArray(value)) {
    const items = value.filter((item) => item !== null && item !== '');
    if (items.length === 0) return undefined;
    return items.every(isScalar) ? items.map(String) : value;
  }
  return value;
}

/** `attribute[code]` arguments by code, as `checkAttributes` takes them. */
export function attributesOf(args: Readonly<Record<string, unknown>>): Record<string, string | string[]> {
  const attributes = new Map<string, string | string[]>();
  for (const [key, value] of Object.entries(args)) {
    const code = /^attribute\[([^\]]+)\]$/.exec(key)?.[1];
    if (code !== undefined && (typeof value === 'string' || Array.isArray(value)))
      attributes.set(code, value as string | string[]);
  }
  return Object.fromEntries(attributes);
}
