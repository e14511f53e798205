import { describe, expect, it } from 'vitest';
import { assertEncryptedDatabaseLink, assertProductionSafe, readConfig } from './config.ts';

describe('configuration safety', () => {
  const production = (env: Record<string, string>) => readConfig({ NODE_ENV: 'production', WENMING_KEYS_FILE: '/etc/wenming/keys.json', ...env });

  it('production needs a server database, keys outside the database, and no demo', () => {
    expect(() => assertProductionSafe(production({}))).toThrow('DATABASE_URL');
    expect(() => assertProductionSafe(production({ DATABASE_URL: 'postgres://db@127.0.0.1/w', WENMING_DEMO: '1' }))).toThrow('Demo mode');
    expect(() => assertProductionSafe(readConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db@127.0.0.1/w' }))).toThrow('WENMING_KEYS_FILE');
    expect(() => assertProductionSafe(production({ DATABASE_URL: 'postgres://db@127.0.0.1/w', WENMING_INSECURE_COOKIES: '1' }))).toThrow('INSECURE');
    expect(() => assertProductionSafe(production({ DATABASE_URL: 'postgres://db@127.0.0.1/w' }))).not.toThrow();
  });

  it('a remote database must be reached over TLS (DATA-01)', () => {
    expect(() => assertEncryptedDatabaseLink('postgres://w@db.county.gov.cn/w')).toThrow('sslmode');
    expect(() => assertEncryptedDatabaseLink('postgres://w@db.county.gov.cn/w?sslmode=disable')).toThrow('sslmode');
    expect(() => assertEncryptedDatabaseLink('postgres://w@db.county.gov.cn/w?sslmode=verify-full')).not.toThrow();
    expect(() => assertEncryptedDatabaseLink('postgres://w@localhost/w')).not.toThrow();
    expect(() => assertEncryptedDatabaseLink('postgres://w@127.0.0.1:5432/w')).not.toThrow();
  });

  it('outside production nothing is demanded', () => {
    expect(() => assertProductionSafe(readConfig({ NODE_ENV: 'development' }))).not.toThrow();
  });
});
