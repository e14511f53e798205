import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rowsInSqlDump } from './backup-content.ts';
import { replayAll } from './checks.ts';
import type { TimelineRow } from './invariants.store.ts';

const entry = (
  seq: number,
  action: string,
  fromStatus: string | null,
  toStatus: string | null,
  status = 'dispatched',
) => ({ caseNo: '2026-00000001', status, seq, action, fromStatus, toStatus }) satisfies TimelineRow;

describe('timeline replay', () => {
  it('accepts a timeline that ends at the case status, actions without a status change included', () => {
    expect(
      replayAll([
        entry(1, 'report', null, 'reported'),
        entry(2, 'register', 'reported', 'registered'),
        entry(3, 'escalate', 'registered', null),
        entry(4, 'dispatch', 'registered', 'dispatched'),
      ]),
    ).toEqual([]);
  });

  it('finds a status the timeline does not reach, a step from the wrong status, and a missing entry', () => {
    expect(replayAll([entry(1, 'report', null, 'reported')])).toEqual([
      '2026-00000001: timeline ends at reported, case is dispatched',
    ]);
    expect(replayAll([entry(1, 'report', null, 'reported'), entry(2, 'dispatch', 'registered', 'dispatched')])).toEqual(
      ['2026-00000001: dispatch from registered, but it was reported'],
    );
    expect(replayAll([entry(1, 'report', null, 'reported'), entry(3, 'register', 'reported', 'dispatched')])).toEqual([
      '2026-00000001: entry 2 has seq 3',
    ]);
  });
});

describe('rows in a pg_dump file', () => {
  it("counts each table's COPY rows, empty tables included", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dump-')), 'backup.sql');
    fs.writeFileSync(
      file,
      [
        'SET statement_timeout = 0;',
        'COPY public.cases_case (region_code, id, case_no) FROM stdin;',
        '430225\t1\t2026-00000001',
        '430225\t2\t2026-00000002',
        '\\.',
        'COPY public.jobs_job (id) FROM stdin;',
        '\\.',
        '',
      ].join('\n'),
    );
    try {
      expect(await rowsInSqlDump(file)).toEqual({ cases_case: 2, jobs_job: 0 });
    } finally {
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });
});
