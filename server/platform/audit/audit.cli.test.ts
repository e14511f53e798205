import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeClock } from '../../testing/fake-clock.ts';
import { useTestDatabase } from '../../testing/test-database.ts';
import { auditPurgeCommand, auditVerifyCommand } from './audit.cli.ts';
import { recordAuditOutside } from './audit.ts';

describe('wenming audit verify', () => {
  const db = useTestDatabase();
  afterEach(() => vi.restoreAllMocks());

  it('prints one line and exits 0 for an intact chain, 1 for a broken one', async () => {
    const printed: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => void printed.push(line));
    for (let i = 0; i < 3; i += 1) await recordAuditOutside(db.ctx(), { eventType: 'cases.update', action: 'update' });
    const seqs = (
      await db.database.query<{ seq: number }>("select seq from audit_event where region_code = '430225' order by seq")
    ).map((r) => Number(r.seq));
    expect(await auditVerifyCommand(db.database, '430225')).toBe(0);
    expect(printed).toEqual([`audit chain 430225: ok, 3 rows checked, last seq ${seqs[2]}`]);

    await db.database.exec('alter table audit_event disable trigger audit_event_no_update');
    await db.database.exec(
      `update audit_event set action = 'forged' where region_code = '430225' and seq = ${seqs[1]}`,
    );
    await db.database.exec('alter table audit_event enable trigger audit_event_no_update');
    expect(await auditVerifyCommand(db.database, '430225')).toBe(1);
    expect(printed[1]).toBe(`audit chain 430225: BROKEN (hash_mismatch) at seq ${seqs[1]}; 1 rows verified before it`);
  });

  it('purge archives what is past retention and says where it went', async () => {
    const printed: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => void printed.push(line));
    const now = new Date(); // the trigger judges age by the database's own clock
    const clock = fakeClock(new Date(now.getTime() - 200 * 86_400_000));
    const ctx = db.ctx({ countyCode: '430226', clock });
    await recordAuditOutside(ctx, { eventType: 'cases.update', action: 'update' });
    clock.set(now);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wenming-audit-cli-'));
    try {
      expect(await auditPurgeCommand(ctx, { dir })).toBe(0);
      expect(printed[0]).toMatch(
        /^audit purge 430226: archived seq 1–(\d+) \(1 rows\) to .*audit-430226-000000000001-0+\1\.jsonl\.gz, sha256 [0-9a-f]{64}$/,
      );
      expect(await auditPurgeCommand(ctx, { dir, retentionDays: 365 })).toBe(0);
      expect(printed[1]).toBe('audit purge 430226: nothing older than 365 days');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
