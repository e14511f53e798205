import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../testing/test-database.ts';
import { introspectSchema } from './introspect.ts';

/**
 * The same migrations must give the same schema on PGlite (PostgreSQL 18) and server PostgreSQL (15).
 * Both engine runs compare the catalog against ONE committed snapshot, so CI (which runs both) fails when
 * they differ. After adding a migration, refresh it with `npx vitest run schema-parity -u` and review the diff.
 */
describe('schema parity across engines', () => {
  const t = useTestDatabase();

  it('matches the committed schema snapshot', async () => {
    const shape = await introspectSchema(t.database);
    await expect(`${JSON.stringify(shape, null, 2)}\n`).toMatchFileSnapshot('../../db/schema.snapshot.json');
  });
});
