import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assertEncryptedDatabaseLink,
  assertProductionSafe,
  parsePublicUrl,
  publicBaseUrl,
  readConfig,
} from './config.ts';

describe('configuration safety', () => {
  const production = (env: Record<string, string>) =>
    readConfig({
      NODE_ENV: 'production',
      WENMING_KEYS_FILE: '/etc/wenming/keys.json',
      WENMING_PUBLIC_URL: 'https://wenming.yanling.gov.cn',
      ...env,
    });

  it('production needs a server database, keys outside the database, and no demo', () => {
    expect(() => assertProductionSafe(production({}))).toThrow('DATABASE_URL');
    expect(() =>
      assertProductionSafe(production({ DATABASE_URL: 'postgres://db@127.0.0.1/w', WENMING_DEMO: '1' })),
    ).toThrow('Demo mode');
    expect(() =>
      assertProductionSafe(readConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db@127.0.0.1/w' })),
    ).toThrow('WENMING_KEYS_FILE');
    expect(() =>
      assertProductionSafe(production({ DATABASE_URL: 'postgres://db@127.0.0.1/w', WENMING_INSECURE_COOKIES: '1' })),
    ).toThrow('INSECURE');
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

  it('production needs the public base URL, over HTTPS (absolute URLs never come from the Host header)', () => {
    const db = { DATABASE_URL: 'postgres://db@127.0.0.1/w' };
    expect(() => assertProductionSafe(production({ ...db, WENMING_PUBLIC_URL: '' }))).toThrow('WENMING_PUBLIC_URL');
    expect(() =>
      assertProductionSafe(production({ ...db, WENMING_PUBLIC_URL: 'http://wenming.yanling.gov.cn' })),
    ).toThrow('https');
    expect(() =>
      assertProductionSafe(production({ ...db, WENMING_PUBLIC_URL: 'https://wenming.yanling.gov.cn/' })),
    ).not.toThrow();
  });
});

describe('WENMING_PUBLIC_URL', () => {
  it('refuses what is not a plain http(s) base: other schemes, credentials, query, fragment, no host', () => {
    for (const bad of [
      'wenming.yanling.gov.cn',
      'ftp://x.cn',
      'javascript:alert(1)',
      'https://user:pw@x.cn',
      'https://x.cn/?a=1',
      'https://x.cn/#top',
      'https://',
      'http:///path',
    ]) {
      expect(() => parsePublicUrl(bad), bad).toThrow('WENMING_PUBLIC_URL');
    }
  });

  it('keeps scheme, host, port and path, without the trailing slash', () => {
    expect(parsePublicUrl('https://wenming.yanling.gov.cn/')).toBe('https://wenming.yanling.gov.cn');
    expect(parsePublicUrl(' https://WENMING.yanling.gov.cn:8443/wenming/ ')).toBe(
      'https://wenming.yanling.gov.cn:8443/wenming',
    );
    expect(parsePublicUrl(undefined)).toBeUndefined();
    expect(parsePublicUrl('  ')).toBeUndefined();
  });

  it('outside production defaults to http://localhost and the port', () => {
    expect(publicBaseUrl(readConfig({ NODE_ENV: 'development' }))).toBe('http://localhost:3000');
    expect(publicBaseUrl({ ...readConfig({ NODE_ENV: 'development' }), port: 8080 })).toBe('http://localhost:8080');
    expect(publicBaseUrl(readConfig({ NODE_ENV: 'development', WENMING_PUBLIC_URL: 'https://x.cn/' }))).toBe(
      'https://x.cn',
    );
  });

  it('property: any string is refused with a message naming the variable, or gives a base that a path joins onto', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl({ withQueryParameters: true, withFragments: true })), (raw) => {
        let base: string | undefined;
        try {
          base = parsePublicUrl(raw);
        } catch (error) {
          expect((error as Error).message).toContain('WENMING_PUBLIC_URL');
          return;
        }
        if (base === undefined) {
          expect(raw.trim()).toBe('');
          return;
        }
        expect(base.endsWith('/')).toBe(false);
        const joined = new URL(`${base}/open311/v2`);
        expect(`${joined.protocol}//${joined.host}`).toBe(new URL(base).origin);
        expect(joined.search + joined.hash).toBe('');
      }),
    );
  });
});

describe('durations: WENMING_MAINTENANCE_STATEMENT_TIMEOUT and WENMING_PRE_STOP_DELAY (seconds)', () => {
  it('default to no maintenance statement bound and no pre-stop delay', () => {
    const config = readConfig({ NODE_ENV: 'test' });
    expect([config.maintenanceStatementTimeoutMs, config.preStopDelayMs]).toEqual([null, 0]);
    expect(readConfig({ WENMING_MAINTENANCE_STATEMENT_TIMEOUT: '0' }).maintenanceStatementTimeoutMs).toBeNull();
  });

  it('read whole or fractional seconds', () => {
    const config = readConfig({ WENMING_MAINTENANCE_STATEMENT_TIMEOUT: '7200', WENMING_PRE_STOP_DELAY: '2.5' });
    expect([config.maintenanceStatementTimeoutMs, config.preStopDelayMs]).toEqual([7_200_000, 2_500]);
  });

  it('refuse what is not a number of seconds, or too long, naming the variable', () => {
    for (const raw of ['-1', '5s', '1e3', 'abc', '61'])
      expect(() => readConfig({ WENMING_PRE_STOP_DELAY: raw }), raw).toThrow(`WENMING_PRE_STOP_DELAY`);
    expect(() => readConfig({ WENMING_MAINTENANCE_STATEMENT_TIMEOUT: '2h' })).toThrow(
      'WENMING_MAINTENANCE_STATEMENT_TIMEOUT',
    );
  });
});
