import { describe, expect, expectTypeOf, it } from 'vitest';
import { type ActorScope, actorScope, declareSystemReads, type RecordScope, SystemRead } from './record-scope.ts';

const reads = declareSystemReads({
  'nightly-sweep': { reader: 'job', why: 'The sweep looks at every record of the county; no person is behind it.' },
});
type Narrowing = { team: string | null };
type FixtureScope = RecordScope<Narrowing, keyof typeof reads>;

/** The module's store read a scope is required for (a fixture: the shape, not a query). */
function readRecords(_scope: FixtureScope): void {}

function scopesThatDoNotCompile(): void {
  // @ts-expect-error a store read without a scope
  readRecords();
  // @ts-expect-error a system read for a reason the module did not declare
  readRecords(SystemRead('because'));
  // @ts-expect-error an actor scope without the module's narrowing
  readRecords(actorScope('430225', {}));
}

describe('record scope', () => {
  it("is an actor's region with the module's narrowing, or a declared system read", () => {
    expect(actorScope('430225100', { team: 'east' })).toEqual({ kind: 'actor', region: '430225100', team: 'east' });
    expect(SystemRead('nightly-sweep')).toEqual({ kind: 'system', why: 'nightly-sweep' });
    expectTypeOf(actorScope<Narrowing>('430225', { team: null })).toEqualTypeOf<ActorScope<Narrowing>>();
    expectTypeOf(readRecords).parameter(0).toEqualTypeOf<FixtureScope>();
    expect(typeof scopesThatDoNotCompile).toBe('function');
  });

  it('keeps the declared reasons as written, so the catalogue is the one place that says why', () => {
    expect(reads['nightly-sweep']).toEqual({
      reader: 'job',
      why: 'The sweep looks at every record of the county; no person is behind it.',
    });
  });
});
