import type { FastifyError, FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { Locale } from '../i18n/locale.ts';
import { catalogueKeys, translate } from '../i18n/translate.ts';
import { AppError } from './app-error.ts';
import { renderError, toAppError } from './error-handler.ts';
import type { SchemaError } from './validation-errors.ts';

/**
 * Issue 9 (item 4): an Open311 500 once said "请求编号 {requestId}". No answer of the general error handler may
 * carry a template placeholder: each error it makes itself renders complete in both languages, and every message
 * of the catalogue names the same placeholders in both (so no translation asks for a value its callers never give).
 */
const placeholder = /\{[A-Za-z_]\w*\}/;
const locales: Locale[] = ['zh', 'en'];

function fastifyError(code: string | undefined, extra: Partial<FastifyError> = {}): FastifyError {
  return Object.assign(new Error('x'), { code, ...extra }) as FastifyError;
}

const request = {
  routeOptions: { bodyLimit: 2048 },
  headers: { 'content-type': 'text/csv' },
} as unknown as FastifyRequest;

const schemaErrors: SchemaError[] = [
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minItems',
  'maxItems',
  'uniqueItems',
  'pattern',
  'enum',
  'const',
  'anyOf',
  'type',
  'required',
  'additionalProperties',
  'format',
  'multipleOf',
].map((keyword, i) => ({
  keyword,
  schemaPath: `#/properties/f${i}/${keyword}`,
  instancePath: `/f${i}`,
  params: { limit: 3, type: 'integer', requiredProperties: ['r'], additionalProperties: ['u'], format: 'date-time' },
}));

const thrown: Array<[string, FastifyError]> = [
  ['invalid JSON', fastifyError('FST_ERR_CTP_INVALID_JSON_BODY')],
  ['empty JSON', fastifyError('FST_ERR_CTP_EMPTY_JSON_BODY')],
  ['body too large', fastifyError('FST_ERR_CTP_BODY_TOO_LARGE')],
  ['media type', fastifyError('FST_ERR_CTP_INVALID_MEDIA_TYPE')],
  ['content length', fastifyError('FST_ERR_CTP_INVALID_CONTENT_LENGTH')],
  ['prototype poisoning', new SyntaxError('__proto__') as unknown as FastifyError],
  ['429', fastifyError(undefined, { statusCode: 429 })],
  ['405', fastifyError(undefined, { statusCode: 405 })],
  ['418', fastifyError(undefined, { statusCode: 418 })],
  ['a crash', fastifyError(undefined)],
  ['schema errors', fastifyError('FST_ERR_VALIDATION', { validation: schemaErrors as never })],
  ['401', AppError.unauthenticated() as unknown as FastifyError],
  ['403', AppError.forbidden() as unknown as FastifyError],
  ['404', AppError.notFound('what.region') as unknown as FastifyError],
  ['409', AppError.conflict('what.resource') as unknown as FastifyError],
];

describe('no error the handler makes carries a {placeholder}', () => {
  it.each(thrown)('%s', (_name, error) => {
    for (const locale of locales) {
      const body = renderError(toAppError(error, request), locale, 'req-12345678');
      expect(JSON.stringify(body), locale).not.toMatch(placeholder);
      expect(body.error.message.length).toBeGreaterThan(0);
    }
  });

  it('every message names the same placeholders in Chinese and English', () => {
    const names = (locale: Locale, key: string) =>
      [...translate(locale, key, {}).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const mismatched = catalogueKeys('zh').filter(
      (key) => JSON.stringify(names('zh', key)) !== JSON.stringify(names('en', key)),
    );
    expect(mismatched).toEqual([]);
    expect(catalogueKeys('en').sort()).toEqual(catalogueKeys('zh').sort());
  });
});
