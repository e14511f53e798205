import { describe, expect, it } from 'vitest';
import { databaseUnavailable, isDatabaseUnavailable } from './database-unavailable.ts';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });
/** As drizzle throws it: its own error, pg's on `cause`. */
const wrapped = (cause: unknown) => Object.assign(new Error('Failed query: select 1\nparams: '), { cause });

describe('which errors mean the database cannot be reached', () => {
  it.each([
    ['a refused connection', withCode('ECONNREFUSED')],
    ['a reset link', withCode('ECONNRESET')],
    ['admin_shutdown (57P01)', withCode('57P01', 'terminating connection due to administrator command')],
    ['a connection exception (08006)', withCode('08006')],
    ['cannot_connect_now (57P03)', withCode('57P03')],
    ['the statement timeout (57014)', withCode('57014')],
    ['a link that dropped', new Error('Connection terminated unexpectedly')],
    ['the pool’s connection timeout', new Error('timeout exceeded when trying to connect')],
    ['the client-side query timeout', new Error('Query read timeout')],
    ['a broken client reused', new Error('Client has encountered a connection error and is not queryable')],
    ['a wrapped reset', wrapped(withCode('ECONNRESET'))],
    ['a refused connection to every address', new AggregateError([withCode('ECONNREFUSED')], 'connect failed')],
  ])('%s', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', wrapped(withCode('23505'))],
    ['a syntax error', withCode('42601')],
    ['a serialization failure', withCode('40001')],
    ['a bug', new TypeError('cannot read properties of undefined')],
    ['nothing', undefined],
    ['a string', 'ECONNREFUSED'],
  ])('not %s', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it('gives up on a cause chain that loops', () => {
    const looped = new Error('a');
    Object.assign(looped, { cause: looped });
    expect(isDatabaseUnavailable(looped)).toBe(false);
  });

  it('is a 503 that says when to retry', () => {
    const error = databaseUnavailable();
    expect([error.status, error.code, error.vars.retryAfterSeconds]).toEqual([503, 'database_unavailable', 5]);
  });
});
