import { describe, expect, it } from 'vitest';
import type { Actor } from '../context.ts';
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

  it('refuses anonymous callers', async () => {
    await expect(assertNotMaker(t.ctx(), ['maker'], object)).rejects.toMatchObject({ status: 401 });
  });
});
