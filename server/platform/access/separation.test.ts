import { describe, expect, it } from 'vitest';
import type { Actor } from '../context.ts';
import { tx } from '../db/tx.ts';
import { useTestDatabase } from '../../testing/test-database.ts';
import { assertNotMaker } from './separation.ts';

const actor = (id: string): Actor => ({
  kind: 'user',
  id,
  username: id,
  displayName: id,
  roles: ['inspector'],
  permissions: new Set(),
  scopeRegion: '430225',
  department: null,
  sessionId: null,
});

describe('maker ≠ checker', () => {
  const t = useTestDatabase();
  const object = { objectType: 'case', objectId: 'C-1', action: 'verify' };

  it('lets another person check the work', async () => {
    await expect(assertNotMaker(t.ctx({ actor: actor('checker') }), ['maker', null], object)).resolves.toBeUndefined();
  });

  it('refuses the maker with 403 maker_checker and audits the refusal', async () => {
    const refusal = assertNotMaker(t.ctx({ actor: actor('maker') }), ['someone', 'maker'], object);
    await expect(refusal).rejects.toMatchObject({ status: 403, code: 'maker_checker' });
    const rows = await t.database.query<{ reason_code: string; actor_id: string }>(
      "select reason_code, actor_id from audit_event where event_type = 'access.denied' and object_id = 'C-1'",
    );
    expect(rows).toEqual([{ reason_code: 'maker_checker', actor_id: 'maker' }]);
  });

  it('keeps the refusal on the trail when it is raised inside the transaction it rolls back (issue #9, item 12)', async () => {
    const inside = { ...object, objectId: 'C-2' };
    const refusal = tx(t.ctx({ actor: actor('maker') }), async (x) => {
      await assertNotMaker(x, ['maker'], inside);
    });
    await expect(refusal).rejects.toMatchObject({ status: 403, code: 'maker_checker' });
    const rows = await t.database.query<{ reason_code: string; action: string }>(
      "select reason_code, action from audit_event where event_type = 'access.denied' and object_id = 'C-2'",
    );
    expect(rows).toEqual([{ reason_code: 'maker_checker', action: 'verify' }]);
  });

  it('writes the refusal once when the caller catches it and its transaction commits', async () => {
    const inside = { ...object, objectId: 'C-3' };
    await tx(t.ctx({ actor: actor('maker') }), async (x) => {
      await assertNotMaker(x, ['maker'], inside).catch(() => undefined);
    });
    const rows = await t.database.query<{ n: number }>(
      "select count(*)::int as n from audit_event where event_type = 'access.denied' and object_id = 'C-3'",
    );
    expect(rows).toEqual([{ n: 1 }]);
  });

  it('refuses anonymous callers', async () => {
    await expect(assertNotMaker(t.ctx(), ['maker'], object)).rejects.toMatchObject({ status: 401 });
  });
});
