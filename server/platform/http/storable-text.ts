import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { MessageCatalogue } from '../i18n/locale.ts';
import { AppError, type FieldProblems } from './app-error.ts';

/**
 * Text PostgreSQL cannot store: U+0000 (text and jsonb refuse it, 22021 / 22P05) and a UTF-16 surrogate
 * without its partner (it has no UTF-8 form: the driver would write U+FFFD, and jsonb refuses its escape).
 * Refused once, here, for every request, before any module's code sees the input (issue 9 item 4).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is exactly what this refuses.
const unstorable = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isStorableText(text: string): boolean {
  return !unstorable.test(text);
}

/** Metadata kept as it came (a user agent): the characters PostgreSQL cannot store become U+FFFD. */
export function toStorableText(text: string): string {
  return text.replace(new RegExp(unstorable.source, 'g'), '\uFFFD');
}

/** Its messages, listed by the platform manifest that installs them (no registration on import). */
export const storableTextMessages: MessageCatalogue = {
  zh: { 'field.unstorable_text': '含有无法保存的字符（空字符或不成对的代理项）' },
  en: { 'field.unstorable_text': 'Contains characters that cannot be stored (a NUL or an unpaired surrogate)' },
};

/** At most this many fields are named: enough to correct a form, and a bounded answer to a hostile body. */
const maxReported = 20;

/** Where a value sits: its key and its parent's place (a chain, so a deep body costs no copied paths). */
interface Place {
  key: string;
  parent: Place | null;
}

/**
 * The fields (`address.street`, `tags.1`) whose text — or whose name — PostgreSQL could not store, in body
 * order. Walks without recursion, so a body nested 100 000 deep cannot overflow the stack.
 */
export function unstorableTextFields(value: unknown): string[] {
  const found: string[] = [];
  const pending: Array<{ value: unknown; place: Place | null; badName?: boolean }> = [{ value, place: null }];
  while (pending.length > 0 && found.length < maxReported) {
    const { value: here, place, badName } = pending.pop()!;
    if (badName || (typeof here === 'string' && !isStorableText(here))) found.push(nameOf(place));
    else if (Array.isArray(here)) {
      for (let i = here.length - 1; i >= 0; i -= 1)
        pending.push({ value: here[i], place: { key: String(i), parent: place } });
    } else if (isPlainRecord(here)) {
      const entries = Object.entries(here);
      for (let i = entries.length - 1; i >= 0; i -= 1) {
        const [key, child] = entries[i]!;
        pending.push({ value: child, place: { key, parent: place }, badName: !isStorableText(key) });
      }
    }
  }
  return found;
}

/** The field's name as the error shape gives it (`tags.1`), the bad characters themselves shown as U+FFFD. */
function nameOf(place: Place | null): string {
  const keys: string[] = [];
  for (let at = place; at && keys.length < 50; at = at.parent) keys.unshift(at.key);
  const name = keys.length > 0 ? keys.join('.') : '_';
  return toStorableText(name.slice(0, 100));
}

/** A parsed object: JSON's, the query parser's (its own null-prototype class) or the router's params. */
function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return Object.prototype.toString.call(value) === '[object Object]';
}

/**
 * Checks params, query, body and the headers a route declares, after parsing and before the schema (and
 * before any route's own preValidation step, which may already query with what it was sent).
 */
export function installStorableTextCheck(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const fields: FieldProblems = {};
    for (const part of [request.params, request.query, declaredHeaders(request), request.body]) {
      for (const name of unstorableTextFields(part)) fields[name] ??= { key: 'field.unstorable_text' };
    }
    if (Object.keys(fields).length > 0) throw AppError.validation(fields);
  });
}

function declaredHeaders(request: FastifyRequest): Record<string, unknown> {
  const schema = request.routeOptions.schema?.headers as { properties?: Record<string, unknown> } | undefined;
  const names = Object.keys(schema?.properties ?? {});
  return Object.fromEntries(names.map((name) => [name, request.headers[name.toLowerCase()]]));
}
