/**
 * AUD-02: an audit row carries no raw sensitive values. Callers are asked to put field names, not contents,
 * into `details`; this is the safety net for when they forget. Any text that contains a run shaped like a
 * resident ID number (GB 11643: 17 digits + a digit or X) or a mainland mobile number (1[3-9] + 9 digits)
 * is replaced whole, keys included, so neither the value nor its position in a longer text survives.
 *
 * The match is deliberately loose (no word boundaries): a longer digit run that merely contains such a shape
 * is redacted too. Losing an order number in the trail is cheap; storing a phone number there is not.
 */
export const REDACTED = '[redacted]';

const sensitiveRun = /\d{17}[\dXx]|1[3-9]\d{9}/;

export function containsSensitiveRun(text: string): boolean {
  return sensitiveRun.test(text);
}

/** A JSON-safe copy of `details` with every sensitive-looking text replaced; the input is not changed. */
export function sanitiseDetails(details: Record<string, unknown>): Record<string, unknown> {
  return guard(details, new WeakSet(), (seen) => sanitiseObject(details, seen)) ?? {};
}

function sanitiseValue(value: unknown, seen: WeakSet<object>): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return sanitiseText(value);
  if (typeof value === 'number') return sanitiseNumber(value);
  if (typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return sanitiseText(value.toString());
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (Array.isArray(value)) return guard(value, seen, () => value.map((item) => sanitiseValue(item, seen)));
  if (typeof value === 'object')
    return guard(value, seen, () => sanitiseObject(value as Record<string, unknown>, seen));
  return null; // functions and symbols have no JSON form
}

function sanitiseObject(object: Record<string, unknown>, seen: WeakSet<object>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object)) {
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol') continue;
    // defineProperty, not assignment: a key named "__proto__" must stay a key, not replace the prototype.
    Object.defineProperty(out, uniqueKey(out, sanitiseText(key)), {
      value: sanitiseValue(value, seen),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

/** A number typed as a number (13812345678) is as sensitive as the same digits in a string. */
function sanitiseNumber(value: number): number | string | null {
  if (!Number.isFinite(value)) return null;
  return containsSensitiveRun(plainNotation(value)) ? REDACTED : value;
}

/**
 * The digits as jsonb prints them: JS writes 1.3812345678e-7 with an exponent, PostgreSQL's numeric writes
 * 0.00000013812345678, where the phone number reappears. So the check looks at the plain notation.
 */
export function plainNotation(value: number): string {
  const [mantissa = '', exponent] = String(Math.abs(value)).split('e');
  if (exponent === undefined) return mantissa;
  const [whole = '', fraction = ''] = mantissa.split('.');
  const digits = whole + fraction;
  const point = whole.length + Number(exponent);
  if (point <= 0) return `0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return digits + '0'.repeat(point - digits.length);
  return `${digits.slice(0, point)}.${digits.slice(point)}`;
}

/**
 * PostgreSQL's jsonb refuses NUL characters and unpaired surrogates; either would make the audit insert,
 * and with it the business change, fail. They carry no meaning in an audit record, so they are replaced.
 */
function sanitiseText(text: string): string {
  if (containsSensitiveRun(text)) return REDACTED;
  return text
    .replaceAll('\u0000', '\uFFFD')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** Two keys redacted to the same text must not overwrite each other. */
function uniqueKey(target: Record<string, unknown>, key: string): string {
  const taken = (name: string) => Object.hasOwn(target, name);
  if (!taken(key)) return key;
  let n = 2;
  while (taken(`${key}#${n}`)) n += 1;
  return `${key}#${n}`;
}

/** A cycle becomes null instead of recursing forever; a shared (acyclic) object is copied where it appears. */
function guard<T>(value: object, seen: WeakSet<object>, copy: (seen: WeakSet<object>) => T): T | null {
  if (seen.has(value)) return null;
  seen.add(value);
  try {
    return copy(seen);
  } finally {
    seen.delete(value);
  }
}
