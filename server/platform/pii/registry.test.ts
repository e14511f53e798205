import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
// The test setup adopts every manifest, so the catalog check sees every module's personal-data columns.
import { useTestDatabase } from '../../testing/test-database.ts';
import { validateMobile } from '../validation/mobile.ts';
import { looksPersonal } from './column-patterns.ts';
import {
  blindIndexOf,
  decryptColumnValue,
  encryptColumnValue,
  sealColumnValue,
  UnregisteredColumnError,
} from './column-crypto.ts';
import { decryptField, isFieldEnvelope } from './field-crypto.ts';
import {
  encryptionContextOf,
  entryProblem,
  notPersonalColumns,
  PiiRegistryError,
  piiField,
  piiFields,
  registerNotPersonal,
  registerPiiFields,
} from './registry.ts';
import type { PiiField } from './pii-field.ts';

const keyOf = (c: { table: string; column: string }) => `${c.table}.${c.column}`;

const phoneField: PiiField = {
  table: 'person',
  column: 'phone_enc',
  category: 'contact',
  sensitive: false,
  purpose: '联系居民',
  legalBasis: '法定职责',
  retention: '办结后 3 年',
  mask: 'phone',
  encrypted: true,
  blindIndexColumn: 'phone_hmac',
  blindIndexKind: 'phone',
};

describe('PI registry: entries that must be refused', () => {
  it.each([
    ['a health column not marked sensitive', { category: 'health', sensitive: false, mask: 'hidden' }, 'sensitive'],
    [
      'an ID number stored in clear',
      { category: 'identity', sensitive: true, encrypted: false, blindIndexColumn: undefined },
      'encrypted',
    ],
    ['a purpose that says nothing', { purpose: '  ' }, 'purpose'],
    ['no retention rule', { retention: '' }, 'retention'],
    ['a blind index on a clear column', { encrypted: false }, 'blind index'],
    ['a blind index without its kind', { blindIndexKind: undefined }, 'blindIndexKind'],
    ['a reveal permission outside pii.reveal.*', { revealPermission: 'users.read' }, 'pii.reveal'],
    [
      'a secret that could be shown',
      { category: 'auth_secret', sensitive: true, mask: 'none', blindIndexColumn: undefined },
      'never shown',
    ],
    [
      'a derived column that could be revealed',
      {
        derivedFrom: 'phone_enc',
        encrypted: false,
        blindIndexColumn: undefined,
        mask: 'secret',
        revealPermission: 'pii.reveal.phone',
      },
      'never shown',
    ],
    ['a table name that is not an identifier', { table: 'person; drop table x' }, 'identifier'],
  ] as const)('%s', (_label, change, problem) => {
    expect(entryProblem({ ...phoneField, ...change } as PiiField)).toContain(problem);
  });

  it('a column registered twice, or both personal and not personal, is refused', () => {
    expect(() => registerPiiFields([{ ...phoneField, table: 'app_user', column: 'phone_enc' }])).toThrow(
      PiiRegistryError,
    );
    expect(() => registerNotPersonal([{ table: 'app_user', column: 'display_name', reason: '不是个人信息' }])).toThrow(
      PiiRegistryError,
    );
    expect(() => registerNotPersonal([{ table: 'x', column: 'name', reason: '' }])).toThrow(/say why/);
  });

  it('every platform entry is consistent, and every required purpose is stated (PI-02)', () => {
    expect(piiFields().length).toBeGreaterThan(10);
    for (const field of piiFields()) expect(entryProblem(field), keyOf(field)).toBeNull();
  });
});

describe('PI registry against the database catalog (PI-01)', () => {
  const t = useTestDatabase();

  async function catalog(): Promise<Map<string, string>> {
    const rows = await t.database.query<{ table_name: string; column_name: string; data_type: string }>(
      "select table_name, column_name, data_type from information_schema.columns where table_schema = 'public'",
    );
    return new Map(rows.map((r) => [`${r.table_name}.${r.column_name}`, r.data_type]));
  }

  async function unreviewedColumns(): Promise<string[]> {
    const registered = new Set([...piiFields(), ...notPersonalColumns()].map(keyOf));
    return [...(await catalog()).keys()].filter(
      (column) => looksPersonal(column.split('.')[1]!) && !registered.has(column),
    );
  }

  it('every column whose name looks personal is registered or reviewed as not personal', async () => {
    expect(
      await unreviewedColumns(),
      'register these in server/platform/pii (registerPiiFields or registerNotPersonal)',
    ).toEqual([]);
  });

  it('a new table with personal columns fails the check until they are registered', async () => {
    await t.database.exec('create table pii_probe (region_code text, holder_name text, id_card_enc text, remark text)');
    try {
      expect((await unreviewedColumns()).sort()).toEqual(['pii_probe.holder_name', 'pii_probe.id_card_enc']);
    } finally {
      await t.database.exec('drop table pii_probe');
    }
  });

  it('every registered column exists, with its blind-index column and the column it derives from', async () => {
    const columns = await catalog();
    const missing: string[] = [];
    for (const entry of [...piiFields(), ...notPersonalColumns()])
      if (!columns.has(keyOf(entry))) missing.push(keyOf(entry));
    for (const field of piiFields()) {
      for (const other of [field.blindIndexColumn, field.derivedFrom])
        if (other && !columns.has(`${field.table}.${other}`)) missing.push(`${field.table}.${other}`);
    }
    expect(missing).toEqual([]);
  });

  it('encrypted columns are text, and their blind-index columns are registered too', async () => {
    const columns = await catalog();
    for (const field of piiFields().filter((f) => f.encrypted)) {
      expect(columns.get(keyOf(field)), keyOf(field)).toBe('text');
      if (field.blindIndexColumn)
        expect(piiField(field.table, field.blindIndexColumn)?.derivedFrom, keyOf(field)).toBe(field.column);
    }
  });

  it('the pattern list matches what it should, and not ordinary words', () => {
    for (const name of [
      'phone_enc',
      'id_card_hmac',
      'holder_name',
      'source_ip',
      'birth_date',
      'diagnosis_code',
      'home_address',
      'guardian_tel',
      'sex',
      'age_group',
      'bank_account_no',
      'user_agent',
      'email',
      'password_hash',
      'mfa_secret_enc',
    ]) {
      expect(looksPersonal(name), name).toBe(true);
    }
    for (const name of [
      'description',
      'page',
      'status',
      'region_code',
      'hotel_count',
      'created_at',
      'zip_file',
      'usage',
      'message',
      'must_change_password',
      'mfa_enabled_at',
    ]) {
      expect(looksPersonal(name), name).toBe(false);
    }
  });
});

describe('encrypted columns hold no plaintext (DATA-02)', () => {
  const t = useTestDatabase();
  const phone = '13812345678';
  const totpSecret = 'JBSWY3DPEHPK3PXP';
  const id = randomUUID();

  it('a user written with the column crypto stores envelopes and a blind index, never the digits', async () => {
    const ctx = t.ctx();
    // Stores seal what the validator returns: the canonical 11 digits.
    const typed = validateMobile('+86 138-1234-5678');
    if (!typed.ok) throw new Error('test phone must be valid');
    const sealed = sealColumnValue(ctx.keyring, 'app_user', 'phone_enc', typed.value);
    const mfa = encryptColumnValue(ctx.keyring, 'app_user', 'mfa_secret_enc', totpSecret);
    await t.database.query(
      `insert into app_user (region_code, id, login_id, login_key, display_name, scope_region, phone_enc, phone_hmac, mfa_secret_enc)
       values ('430225', $1, 'zhangsan', 'zhangsan', '张三', '430225100', $2, $3, $4)`,
      [id, sealed.value, sealed.blindIndex, mfa],
    );
    const reporter = sealColumnValue(ctx.keyring, 'cases_case', 'reporter_phone_enc', typed.value);
    const caller = encryptColumnValue(ctx.keyring, 'cases_case', 'reporter_name_enc', '张三');
    await t.database.query(
      `insert into cases_case (region_code, case_no, tracking_token_hash, catalogue_version, category_code, channel, status, location_code, township_code,
         lng, lat, address, description, reporter_phone_enc, reporter_phone_hmac, reporter_name_enc, reported_at, updated_at)
       values ('430225', '2026-00000001', 'x', '2026', '09006', 'hotline', 'reported', '430225100', '430225100', 113.77, 26.49, '炎帝大道', '占道', $1, $2, $3, now(), now())`,
      [reporter.value, reporter.blindIndex, caller],
    );
    const answer = encryptColumnValue(
      ctx.keyring,
      'idempotency_record',
      'response',
      JSON.stringify({ phone: typed.value }),
    );
    await t.database.query(
      `insert into idempotency_record (region_code, scope, key, request_hash, status_code, response, created_at) values ('430225', 's', 'k', 'h', 201, $1, now())`,
      [answer],
    );

    // An import's stored file chunk and an imported account's initial password (platform/imports).
    const chunk = encryptColumnValue(
      ctx.keyring,
      'imports_file_chunk',
      'content_enc',
      Buffer.from(`a,${typed.value}`).toString('base64'),
    );
    const handout = encryptColumnValue(ctx.keyring, 'imports_handout', 'secret_enc', 'Initial#Pass2026');
    await t.database.query(
      `insert into imports_file_chunk (region_code, run_id, seq, content_enc) values ('430225', $1, 0, $2)`,
      [id, chunk],
    );
    await t.database.query(
      `insert into imports_handout (region_code, run_id, row_number, label, secret_enc) values ('430225', $1, 2, 'zhangsan', $2)`,
      [id, handout],
    );

    // An SMS queued for a reporter, and the local stand-in gateway's record of it (platform/notify/sms).
    await t.database.query(
      `insert into notify_sms_message (region_code, id, dedupe_key, template_key, template_code, sign_name, params, phone_enc,
         subject_type, subject_id, status, next_attempt_at, created_at, updated_at)
       values ('430225', $1, 'k', 'cases.accepted', 'SMS_1', '文明创建', '{}', $2, 'case', '2026-00000001', 'sent', now(), now(), now())`,
      [id, encryptColumnValue(ctx.keyring, 'notify_sms_message', 'phone_enc', typed.value)],
    );
    await t.database.query(
      `insert into notify_sms_standin (region_code, provider_message_id, sign_name, template_code, params, rendered_text,
         phone_masked, phone_enc, recorded_at)
       values ('430225', 'local-1', '文明创建', 'SMS_1', '{}', '【文明创建】已受理', '139****5678', $1, now())`,
      [encryptColumnValue(ctx.keyring, 'notify_sms_standin', 'phone_enc', typed.value)],
    );

    // A merchant's operator and the signer of its 门前三包 agreement (modules/merchants).
    const merchantId = randomUUID();
    await t.database.query(
      `insert into merchants_merchant (region_code, id, name, credit_code, kind, address, location_code, township_code,
         operator_name_enc, operator_phone_enc, created_at, updated_at)
       values ('430225', $1, '测试店', '92430225MA4L000000', 'other', '炎帝大道 1 号', '430225100', '430225100', $2, $3, now(), now())`,
      [
        merchantId,
        encryptColumnValue(ctx.keyring, 'merchants_merchant', 'operator_name_enc', '王小明'),
        encryptColumnValue(ctx.keyring, 'merchants_merchant', 'operator_phone_enc', typed.value),
      ],
    );
    await t.database.query(
      `insert into merchants_agreement (region_code, id, agreement_no, merchant_id, template_version, title, duties, clauses,
         zone_length_dm, zone_depth_dm, zone_description, township_code, village_code, term_start, term_end, status,
         signed_at, signer_name_enc, signature_kind, signature_image, created_at, updated_at)
       values ('430225', $1, 'MQ2026-000001', $2, 1, '门前三包责任书', '[]', '{}', 60, 40, '店前', '430225100', '430225100',
         '2026-01-01', '2026-12-31', 'signed', now(), $3, 'onscreen', '\\x00', now(), now())`,
      [randomUUID(), merchantId, encryptColumnValue(ctx.keyring, 'merchants_agreement', 'signer_name_enc', '王小明')],
    );

    for (const field of piiFields().filter((f) => f.encrypted)) {
      const rows = await t.database.query<{ value: string }>(
        `select ${field.column}::text as value from ${field.table} where ${field.column} is not null`,
      );
      expect(rows.length, keyOf(field)).toBeGreaterThan(0);
      for (const { value } of rows) {
        expect(isFieldEnvelope(value), keyOf(field)).toBe(true);
        expect(value).not.toContain(phone);
        expect(value).not.toContain('5678');
        expect(value).not.toContain(totpSecret);
        expect(() => decryptField(ctx.keyring, value, encryptionContextOf(field))).not.toThrow();
      }
    }
    const [row] = await t.database.query<{ row: string }>(
      'select row_to_json(u)::text as row from app_user u where id = $1',
      [id],
    );
    expect(row!.row).not.toContain(phone);
    expect(row!.row).not.toContain(totpSecret);
  });

  it('a search by phone goes through the blind index, whatever way the phone is written', async () => {
    const ctx = t.ctx();
    const rows = await t.database.query<{ id: string; phone_enc: string }>(
      'select id, phone_enc from app_user where region_code = $1 and phone_hmac = $2',
      ['430225', blindIndexOf(ctx.keyring, 'app_user', 'phone_enc', '138 1234 5678')],
    );
    expect(rows.map((r) => r.id)).toEqual([id]);
    expect(decryptColumnValue(ctx.keyring, 'app_user', 'phone_enc', rows[0]!.phone_enc)).toBe(phone);
  });

  it('an unregistered or clear column cannot be encrypted by name', () => {
    const { keyring } = t.ctx();
    expect(() => encryptColumnValue(keyring, 'app_user', 'display_name', '张三')).toThrow(UnregisteredColumnError);
    expect(() => encryptColumnValue(keyring, 'person', 'id_card_enc', '430225199001011234')).toThrow(
      UnregisteredColumnError,
    );
    expect(() => blindIndexOf(keyring, 'app_user', 'mfa_secret_enc', 'x')).toThrow(UnregisteredColumnError);
  });
});
