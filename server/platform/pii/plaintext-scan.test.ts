import { describe, expect, it } from 'vitest';
import { seedDemoCounty } from '../seed/demo-seed.ts';
import { useTestApp } from '../../testing/test-app.ts';
import { signIn } from '../../testing/test-auth.ts';
import { personalNumberPatterns } from './scrub.ts';
import { piiFields } from './registry.ts';
import { adoptedManifests } from '../modules/adopt.ts';

/** The app's manifests, as the test setup adopted them (a platform test is handed the list, never imports it). */
const appModules = adoptedManifests();

/**
 * DATA-02 / PI-03 as a whole-database check: after the demo county is seeded (accounts with phones), no
 * column anywhere holds a clear phone or ID number, and the administrators' API shows them masked only.
 * Ciphertext and blind-index columns are skipped: they are random-looking text that may contain digit runs.
 */
describe('no clear personal numbers at rest or in responses', () => {
  const t = useTestApp();
  const looksPersonal = (text: string) =>
    Object.values(personalNumberPatterns).some((re) => new RegExp(re.source, 'u').test(text));

  it('every text and JSON column of every table is free of phone and ID numbers', async () => {
    await seedDemoCounty(
      t.db.ctx({ clock: t.clock }),
      appModules,
      { scale: 'small', seed: 7, countyCode: '430225' },
      { quiet: true },
    );
    const opaque = new Set(
      piiFields()
        .filter((f) => f.encrypted || f.derivedFrom || f.blindIndexColumn === f.column)
        .flatMap((f) => [
          `${f.table}.${f.column}`,
          ...(f.blindIndexColumn ? [`${f.table}.${f.blindIndexColumn}`] : []),
        ]),
    );
    const columns = await t.db.database.query<{ table_name: string; column_name: string }>(
      `select table_name, column_name from information_schema.columns
       where table_schema = 'public' and data_type in ('text', 'jsonb', 'character varying') order by 1, 2`,
    );
    let scanned = 0;
    for (const { table_name, column_name } of columns) {
      // Digests (hashes, photo sha256) are hex: digit runs in them are not personal numbers.
      if (
        opaque.has(`${table_name}.${column_name}`) ||
        column_name.endsWith('_hash') ||
        column_name === 'hash' ||
        column_name === 'sha256'
      )
        continue;
      const rows = await t.db.database.query<{ v: string }>(
        `select "${column_name}"::text as v from "${table_name}" where "${column_name}" is not null`,
      );
      scanned += rows.length;
      const hit = rows.find((r) => looksPersonal(r.v));
      expect(hit?.v, `${table_name}.${column_name}`).toBeUndefined();
    }
    expect(scanned).toBeGreaterThan(5000);
    const phones = await t.db.database.query<{ n: number }>(
      'select count(*)::int as n from app_user where phone_enc is not null',
    );
    expect(phones[0]!.n).toBeGreaterThan(0);
  }, 120_000); // the demo seed includes a year of cases (~3,000) and the scan reads every text column

  it('the account list shows phones masked, and only a reveal with a reason shows one in full', async () => {
    const sys = await signIn(t.app, { roles: ['sys_admin'] });
    const list = await t.app.inject({ method: 'GET', url: '/api/admin/users?pageSize=200', headers: sys.headers });
    expect(list.statusCode).toBe(200);
    expect(looksPersonal(list.body)).toBe(false);
    const withPhone = list.json().items.find((u: { phone: string | null }) => u.phone);
    expect(withPhone.phone).toMatch(/^1\d\d\*{4}\d{4}$/);
    const reveal = await t.app.inject({
      method: 'POST',
      url: '/api/pii/reveal',
      headers: sys.headers,
      payload: { objectType: 'user', objectId: withPhone.id, fields: ['phone'], reason: '通知账号变更' },
    });
    expect(reveal.statusCode).toBe(200);
    expect(reveal.json().values.phone).toMatch(/^1[3-9]\d{9}$/);
  });
});
