import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/http/app-error.ts';
import { toOpen311Errors } from './errors.ts';

describe('Open311 error bodies', () => {
  it('names the request id in a 500 instead of a literal {requestId}', () => {
    const { status, errors } = toOpen311Errors(new AppError(500, 'internal', 'error.internal'), 'en', 'req-abc');
    expect(status).toBe(500);
    expect(errors).toEqual([
      { code: 500, description: 'Internal error; please contact the administrator (request req-abc)' },
    ]);
    expect(
      toOpen311Errors(new AppError(500, 'internal', 'error.internal'), 'zh', 'req-abc').errors[0]!.description,
    ).not.toContain('{');
  });

  it('keeps the transport statuses 413, 415 and 429 (a client must not resend the same body, or must wait); the rest is 400', () => {
    expect(
      toOpen311Errors(new AppError(413, 'payload_too_large', 'error.payload_too_large', { limit: '128 KB' }), 'en', 'r')
        .status,
    ).toBe(413);
    expect(
      toOpen311Errors(
        new AppError(415, 'unsupported_media_type', 'error.unsupported_media_type', { type: 'x' }),
        'en',
        'r',
      ).status,
    ).toBe(415);
    expect(toOpen311Errors(new AppError(429, 'rate_limited', 'error.rate_limited'), 'en', 'r').status).toBe(429);
    expect(
      toOpen311Errors(new AppError(422, 'idempotency_key_reused', 'idempotency.key_reused'), 'en', 'r'),
    ).toMatchObject({ status: 400, errors: [{ code: 422 }] });
    expect(toOpen311Errors(AppError.field('lat', 'field.required'), 'en', 'r')).toEqual({
      status: 400,
      errors: [{ code: 400, description: 'lat: Required' }],
    });
  });
});
