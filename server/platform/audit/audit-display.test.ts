import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../testing/test-database.ts';
import { tx } from '../db/tx.ts';
import { createAccount } from '../auth/create-user.ts';
import { auditDisplayer } from './audit-display.ts';
import { auditEventLabel, declaredAuditEvents } from './audit-labels.ts';

const row = (overrides: Record<string, unknown> = {}) => ({
  eventType: 'cases.verify_pass',
  outcome: 'success' as const,
  actorId: null,
  actorName: null,
  actorRoles: [] as string[],
  requestId: null,
  objectType: 'case',
  objectId: '2026-00000042',
  ...overrides,
});

describe('an audit row in words', () => {
  const db = useTestDatabase();

  it('names the event and the case in the reader’s language, not "cases.verify_pass · verify_pass"', () => {
    const shown = auditDisplayer(db.database.db, '430225', 'zh').display(
      row({ actorName: '谭建军', actorRoles: ['inspector'] }),
    );
    expect(shown).toEqual({
      event: '核查通过',
      outcome: '成功',
      actor: '谭建军',
      roles: ['监督员/巡查员'],
      object: '案件 2026-00000042',
    });
    const en = auditDisplayer(db.database.db, '430225', 'en').display(row({ actorRoles: ['inspector'] }));
    expect(en).toMatchObject({
      event: 'Verification passed',
      outcome: 'Succeeded',
      roles: ['Inspector'],
      object: 'Case 2026-00000042',
    });
  });

  it('a request without a session is 公众 (the residents’ pages); work without a request is 系统', () => {
    const zh = auditDisplayer(db.database.db, '430225', 'zh');
    expect(zh.display(row({ eventType: 'cases.rate', requestId: 'req-1' })).actor).toBe('公众');
    expect(zh.display(row({ eventType: 'cases.escalate' })).actor).toBe('系统');
  });

  it('names an account by name and login instead of its id, once looked up', async () => {
    const ctx = db.ctx();
    const account = await tx(ctx, (t) =>
      createAccount(t, { loginId: 'zhang.san', displayName: '张三', scopeRegion: '430225' }),
    );
    const shown = auditDisplayer(db.database.db, '430225', 'zh');
    const target = row({ eventType: 'users.unlock', objectType: 'user', objectId: account.id });
    await shown.prepare([target]);
    expect(shown.display(target).object).toBe('账号 张三（zhang.san）');
    expect(shown.display(row({ objectType: null, objectId: null })).object).toBeNull();
  });

  it('keeps an undeclared type as stored, and every declared one has words', () => {
    expect(auditEventLabel('misc.unknown', 'zh')).toBe('misc.unknown');
    expect(declaredAuditEvents().size).toBeGreaterThan(40);
  });
});
