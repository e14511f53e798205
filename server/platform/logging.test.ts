import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeError } from './logging.ts';

describe('safeError', () => {
  it('drops the parameters drizzle puts in a failed query message', () => {
    const error = new Error('Failed query: insert into person (phone) values ($1)\nparams: 13812345678');
    const logged = JSON.stringify(safeError(error));
    expect(logged).toContain('insert into person');
    expect(logged).not.toContain('13812345678');
  });

  it('drops them from the cause too, and keeps the PostgreSQL code', () => {
    const cause = Object.assign(new Error('duplicate key\nparams: 430225199001011234'), { code: '23505' });
    const error = new Error('Failed query: x\nparams: 430225199001011234', { cause });
    const logged = safeError(error);
    expect(JSON.stringify(logged)).not.toContain('430225199001011234');
    expect(logged.cause).toMatchObject({ code: '23505' });
  });

  it('never throws, whatever is thrown', () => {
    fc.assert(fc.property(fc.anything(), (value) => typeof safeError(value) === 'object'));
  });
});
