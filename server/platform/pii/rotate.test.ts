import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../testing/test-database.ts';
import { blindIndex } from './blind-index.ts';
import { decryptField, encryptField, keyIdOf } from './field-crypto.ts';
import { keyringFromJson } from './keyring.ts';
import { insertStaffUser } from './pii-test-support.ts';
import { piiField, piiFields } from './registry.ts';
import { keyUsage, rotateEncryptedColumns } from './rotate.ts';

const keyBytes = { test1: Buffer.alloc(32, 1).toString('base64'), test0: Buffer.alloc(32, 2).toString('base64') };
const blind = Buffer.alloc(32, 3).toString('base64');
/** Before the rotation: test0 is active. After: test1 (what `testKeyring()` and the test ctx use). */
const before = keyringFromJson({ active: 'test0', keys: keyBytes, blindIndex: blind });

const phones = ['13800000001', '13800000002', '13800000003', '13800000004', '13800000005'];
const phoneContext = 'app_user.phone_enc';
const mfaContext = 'app_user.mfa_secret_enc';

describe('key rotation (DATA-02)', () => {
  const t = useTestDatabase();
  const values = (column: string) =>
    t.database.query<{ id: string; value: string; hmac: string | null }>(
      `select id, ${column} as value, phone_hmac as hmac from app_user where ${column} is not null order by id`,
    );

  it('re-encrypts every value on an older key, in batches, and counts what it could not decrypt', async () => {
    const ctx = t.ctx();
    for (const phone of phones) await insertStaffUser(t.database, before, { scopeRegion: '430225100', phone });
    await insertStaffUser(t.database, ctx.keyring, { scopeRegion: '430225100', phone: '13800000009' }); // already current
    const withMfa = await insertStaffUser(t.database, before, { scopeRegion: '430225100', phone: null });
    await t.database.query('update app_user set mfa_secret_enc = $1 where id = $2', [
      encryptField(before, 'JBSWY3DPEHPK3PXP', mfaContext),
      withMfa,
    ]);
    // A value tampered with in the database: it must be reported, not rewritten, and must not stop the run.
    const tampered = await insertStaffUser(t.database, before, { scopeRegion: '430225100', phone: '13800000010' });
    await t.database.query(
      "update app_user set phone_enc = regexp_replace(phone_enc, '\\.[^.]+$', '.AAAA') where id = $1",
      [tampered],
    );
    const hmacsBefore = (await values('phone_enc')).map((r) => r.hmac);

    const all = await rotateEncryptedColumns(ctx, { batchSize: 2 });
    // Columns of the modules (case reporters' phones …) are empty here: nothing to re-encrypt.
    expect(all.filter((r) => r.table !== 'app_user').every((r) => r.reencrypted === 0 && r.failed === 0)).toBe(true);
    const result = all.filter((r) => r.table === 'app_user');
    expect(result).toEqual([
      { table: 'app_user', column: 'phone_enc', reencrypted: 5, failed: 1 },
      { table: 'app_user', column: 'mfa_secret_enc', reencrypted: 1, failed: 0 },
    ]);

    const rotated = await values('phone_enc');
    expect(rotated.filter((r) => r.id !== tampered).every((r) => keyIdOf(r.value) === 'test1')).toBe(true);
    const clear = rotated.filter((r) => r.id !== tampered).map((r) => decryptField(ctx.keyring, r.value, phoneContext));
    expect(clear.sort()).toEqual([...phones, '13800000009'].sort());
    expect(rotated.map((r) => r.hmac)).toEqual(hmacsBefore); // blind indexes do not move with the keys
    expect(rotated.find((r) => r.id !== tampered)?.hmac).toMatch(/^[0-9a-f]{64}$/);
    const [mfa] = await values('mfa_secret_enc');
    expect(decryptField(ctx.keyring, mfa!.value, mfaContext)).toBe('JBSWY3DPEHPK3PXP');
  });

  it('is idempotent: a second run changes nothing and reports the same bad value', async () => {
    const snapshot = await values('phone_enc');
    const result = await rotateEncryptedColumns(t.ctx(), { batchSize: 2 });
    expect(result.map((r) => r.reencrypted)).toEqual(result.map(() => 0));
    expect(result[0]?.failed).toBe(1);
    expect(await values('phone_enc')).toEqual(snapshot);
  });

  it('audits each batch it changed, with counts and the key id, not values', async () => {
    const rows = await t.database.query<{ object_id: string; details: Record<string, unknown>; whole: string }>(
      "select object_id, details, row_to_json(a)::text as whole from audit_event a where event_type = 'pii.keys.rotate' order by seq",
    );
    expect(rows.map((r) => r.object_id)).toEqual([
      'app_user.phone_enc',
      'app_user.phone_enc',
      'app_user.phone_enc',
      'app_user.mfa_secret_enc',
    ]);
    expect(rows.reduce((n, r) => n + Number(r.details.count), 0)).toBe(6);
    expect(rows[0]?.details).toMatchObject({ keyId: 'test1' });
    for (const row of rows) expect(row.whole).not.toMatch(/138000000/);
  });

  it('reports which key the values are on', async () => {
    const usage = await keyUsage(t.ctx());
    expect(usage).toEqual([
      { table: 'app_user', column: 'phone_enc', keyId: 'test0', count: 1 },
      { table: 'app_user', column: 'phone_enc', keyId: 'test1', count: 6 },
      { table: 'app_user', column: 'mfa_secret_enc', keyId: 'test1', count: 1 },
    ]);
  });

  it('covers every encrypted column of the registry, and only those', () => {
    expect(
      piiFields()
        .filter((f) => f.encrypted)
        .map((f) => `${f.table}.${f.column}`),
    ).toEqual([
      'app_user.phone_enc',
      'app_user.mfa_secret_enc',
      'idempotency_record.response',
      'imports_file_chunk.content_enc',
      'imports_handout.secret_enc',
      'notify_sms_message.phone_enc',
      'notify_sms_standin.phone_enc',
      'cases_case.reporter_phone_enc',
      'cases_case.reporter_name_enc',
      'merchants_merchant.operator_name_enc',
      'merchants_merchant.operator_phone_enc',
      'merchants_agreement.signer_name_enc',
    ]);
    expect(piiField('app_user', 'phone_hmac')?.encrypted).toBe(false);
    expect(blindIndex(t.ctx().keyring, 'phone', '13800000001')).toBe(blindIndex(before, 'phone', '13800000001'));
  });
});
