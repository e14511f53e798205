import { afterEach, describe, expect, it, vi } from 'vitest';
import { useTestDatabase } from '../../testing/test-database.ts';
import { recordAuditOutside } from './audit.ts';
import { auditVerifyCommand } from './audit.cli.ts';

describe('wenming audit verify', () => {
  const db = useTestDatabase();
  afterEach(() => vi.restoreAllMocks());

  it('prints one line and exits 0 for an intact chain, 1 for a broken one', async () => {
    const printed: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => void printed.push(line));
    for (let i = 0; i < 3; i += 1) await recordAuditOutside(db.ctx(), { eventType: 'cases.update', action: 'update' });
    expect(await auditVerifyCommand(db.database, '430225')).toBe(0);
    expect(printed).toEqual(['audit chain 430225: ok, 3 rows checked, last seq 3']);

    await db.database.exec('alter table audit_event disable trigger audit_event_no_update');
    await db.database.exec("update audit_event set action = 'forged' where region_code = '430225' and seq = 2");
    await db.database.exec('alter table audit_event enable trigger audit_event_no_update');
    expect(await auditVerifyCommand(db.database, '430225')).toBe(1);
    expect(printed[1]).toBe('audit chain 430225: BROKEN (hash_mismatch) at seq 2; 1 rows verified before it');
  });
});
