import { beforeAll, describe, expect, it } from 'vitest';
import { xlsxOf } from '../../platform/imports/imports.test-support.ts';
import { type TestApp, useTestApp } from '../../testing/test-app.ts';
import { type SignedIn, signIn } from '../../testing/test-auth.ts';
import {
  importClient,
  importFile,
  type StoredMerchant,
  sheetRows,
  storedMerchants,
} from './merchants-import.test-support.ts';
import { addTestVillages, validRegistryRows } from './merchants-registry.test-support.ts';

/** The source page's scale: Yanling's 2,360 门前三包 agreements, one merchant each. */
const merchants = 2_360;

/**
 * What a merchant is, whichever database holds it: everything but its number (drawn by each database) and the
 * envelopes (a fresh IV each time they are sealed); the opened operator and the phone's blind index stay.
 */
function comparable(rows: readonly StoredMerchant[]) {
  return rows.map(({ merchant_no: _no, operator_name_enc: _name, operator_phone_enc: _phone, ...rest }) => rest);
}

async function exportOf(t: TestApp, actor: SignedIn, query = '') {
  const res = await t.app.inject({ method: 'GET', url: `/api/merchants/export.xlsx${query}`, headers: actor.headers });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return res.rawPayload;
}

describe(`round trip of ${merchants.toLocaleString('en')} merchants: import, export, import into a fresh database`, () => {
  const source = useTestApp();
  const target = useTestApp();
  let sourceCoordinator: SignedIn;
  let targetCoordinator: SignedIn;
  const reason = `?reason=${encodeURIComponent('商户档案迁移核对')}`;

  beforeAll(async () => {
    await addTestVillages(source.db.database.db);
    await addTestVillages(target.db.database.db);
    sourceCoordinator = await signIn(source.app, { roles: ['coordinator'] });
    targetCoordinator = await signIn(target.app, { roles: ['coordinator'] });
    const file = await xlsxOf({ rows: validRegistryRows(merchants) });
    expect(await importFile(source, sourceCoordinator, file)).toMatchObject({
      status: 'committed',
      errorRows: 0,
      committedRows: merchants,
    });
  }, 300_000);

  it('an export with the operators masked cannot round-trip them: the import refuses every row rather than store masks', {
    timeout: 300_000,
  }, async () => {
    const client = importClient(target);
    const uploaded = await client.upload(targetCoordinator, await exportOf(source, sourceCoordinator));
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    await client.work();
    const run = await client.run(uploaded.json().id, targetCoordinator);
    expect(run).toMatchObject({ status: 'checked', totalRows: merchants, errorRows: merchants, validRows: 0 });
    // The first 200 refusals: each row's masked name, and its masked phone when it has one.
    const errors = await client.errors(run.id, targetCoordinator);
    expect(errors.filter((e) => e.rowNumber === 2).map((e) => e.code)).toEqual([
      'merchants.phone_invalid',
      'merchants.operator_name_masked',
    ]);
    expect(new Set(errors.map((e) => e.code))).toEqual(
      new Set(['merchants.operator_name_masked', 'merchants.phone_invalid']),
    );
    const discarded = await target.app.inject({
      method: 'POST',
      url: `/api/imports/merchants.registry/runs/${run.id}/discard`,
      headers: targetCoordinator.headers,
      payload: {},
    });
    expect(discarded.statusCode).toBe(200);
    expect(await storedMerchants(target.db.database, target.app.deps.keyring)).toEqual([]);
  });

  it('an export with the operators in clear re-imports as the same registry, and exports the same file again', {
    timeout: 300_000,
  }, async () => {
    const exported = await exportOf(source, sourceCoordinator, reason);
    expect(await importFile(target, targetCoordinator, exported)).toMatchObject({
      status: 'committed',
      errorRows: 0,
      committedRows: merchants,
    });
    const before = await storedMerchants(source.db.database, source.app.deps.keyring);
    const after = await storedMerchants(target.db.database, target.app.deps.keyring);
    expect(before).toHaveLength(merchants);
    // Rows are stored in file order, so the two registries line up merchant by merchant.
    expect(comparable(after)).toEqual(comparable(before));

    const again = await sheetRows(await exportOf(target, targetCoordinator, reason));
    expect(again).toEqual(await sheetRows(exported));
    expect(again.rows).toHaveLength(merchants + 1);
  });
});
