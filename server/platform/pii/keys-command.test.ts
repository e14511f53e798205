import { describe, expect, it } from 'vitest';
import { readConfig } from '../../config.ts';
import { useTestDatabase } from '../../testing/test-database.ts';
import type { Database } from '../db/database.ts';
import { decryptField, encryptField } from './field-crypto.ts';
import { type KeyFile, keyringFromJson } from './keyring.ts';
import { keysCommand, KeysUsageError, withNewActiveKey } from './keys-command.ts';
import { insertStaffUser } from './pii-test-support.ts';

const current: KeyFile = {
  active: 'test1',
  keys: { test1: Buffer.alloc(32, 1).toString('base64'), test0: Buffer.alloc(32, 2).toString('base64') },
  blindIndex: Buffer.alloc(32, 3).toString('base64'),
};

function capture() {
  const lines: string[] = [];
  return { io: { out: (text: string) => void lines.push(text) }, lines };
}

/** The command closes what it opened; the test's database must stay open for the other tests. */
const borrowed = (database: Database): Database => ({
  ...database,
  query: database.query.bind(database),
  exec: database.exec.bind(database),
  close: async () => {},
});

describe('wenming keys', () => {
  const t = useTestDatabase();

  it('refuses an unknown subcommand with the usage text', async () => {
    await expect(keysCommand(['shred'], readConfig({ NODE_ENV: 'test' }))).rejects.toBeInstanceOf(KeysUsageError);
    await expect(keysCommand([], readConfig({ NODE_ENV: 'test' }))).rejects.toThrow(/Usage: wenming keys/);
  });

  it('add refuses to guess when no key file is configured', async () => {
    await expect(keysCommand(['add'], readConfig({ NODE_ENV: 'test' }))).rejects.toThrow(/WENMING_KEYS_FILE/);
  });

  it('new prints a key file that loads', async () => {
    const { io, lines } = capture();
    await keysCommand(['new'], readConfig({ NODE_ENV: 'test' }), io);
    const file = JSON.parse(lines.join('\n')) as KeyFile;
    expect(Object.keys(file.keys)).toEqual([file.active]);
    expect(() => keyringFromJson(file)).not.toThrow();
  });

  it('add keeps the old keys and the blind-index key, and makes a new key active', async () => {
    const { io, lines } = capture();
    await keysCommand(['add'], readConfig({ NODE_ENV: 'test', WENMING_KEYS: JSON.stringify(current) }), io);
    const next = JSON.parse(lines.join('\n')) as KeyFile;
    expect(next.active).not.toBe('test1');
    expect(next.keys).toMatchObject(current.keys);
    expect(next.blindIndex).toBe(current.blindIndex);
    const old = encryptField(keyringFromJson(current), '13812345678', 'app_user.phone_enc');
    expect(decryptField(keyringFromJson(next), old, 'app_user.phone_enc')).toBe('13812345678');
  });

  it('add twice on one day gives distinct key ids', () => {
    const once = withNewActiveKey(current, 'k20260302');
    const twice = withNewActiveKey(once, 'k20260302');
    expect(twice.active).toBe('k20260302_2');
    expect(Object.keys(twice.keys)).toHaveLength(4);
  });

  it('rotate and status work on the configured database', async () => {
    const before = keyringFromJson({ ...current, active: 'test0' });
    await insertStaffUser(t.database, before, { scopeRegion: '430225100', phone: '13812345678' });
    const config = readConfig({ NODE_ENV: 'test', WENMING_KEYS: JSON.stringify(current) });
    const { io, lines } = capture();
    const options = { ...io, openDatabase: async () => borrowed(t.database) };
    await keysCommand(['rotate'], config, options);
    await keysCommand(['status'], config, options);
    expect(lines).toEqual([
      'app_user.phone_enc: 1 re-encrypted',
      'app_user.mfa_secret_enc: 0 re-encrypted',
      'idempotency_record.response: 0 re-encrypted',
      'imports_file_chunk.content_enc: 0 re-encrypted',
      'imports_handout.secret_enc: 0 re-encrypted',
      'notify_sms_message.phone_enc: 0 re-encrypted',
      'notify_sms_standin.phone_enc: 0 re-encrypted',
      'cases_case.reporter_phone_enc: 0 re-encrypted',
      'cases_case.reporter_name_enc: 0 re-encrypted',
      'merchants_merchant.operator_name_enc: 0 re-encrypted',
      'merchants_merchant.operator_phone_enc: 0 re-encrypted',
      'merchants_agreement.signer_name_enc: 0 re-encrypted',
      'active key: test1',
      'app_user.phone_enc: 1 on test1',
    ]);
  });
});
