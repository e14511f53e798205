import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { signIn } from '../../testing/test-auth.ts';
import { isAllowedAdminAddress, parseAdminNetworks } from './admin-networks.ts';

describe('administrator networks (AC-06)', () => {
  it('parses addresses and CIDRs, and matches IPv4-mapped addresses', () => {
    const list = parseAdminNetworks('10.20.0.0/16, 192.168.8.10');
    expect(isAllowedAdminAddress(list, '10.20.3.4')).toBe(true);
    expect(isAllowedAdminAddress(list, '::ffff:192.168.8.10')).toBe(true);
    expect(isAllowedAdminAddress(list, '10.21.0.1')).toBe(false);
    expect(isAllowedAdminAddress(null, '8.8.8.8')).toBe(true);
    expect(() => parseAdminNetworks('not-a-network')).toThrow('WENMING_ADMIN_NETWORKS');
  });

  describe('on the app', () => {
    const t = useTestApp({ config: { adminNetworks: '10.20.0.0/16', trustProxy: true } });

    it('answers administrators only from the listed networks, and audits the refusal', async () => {
      const sys = await signIn(t.app, { roles: ['sys_admin'] });
      const from = (ip: string) =>
        t.app.inject({ method: 'GET', url: '/api/admin/users', headers: { ...sys.headers, 'x-forwarded-for': ip } });
      expect((await from('10.20.1.1')).statusCode).toBe(200);
      expect((await from('172.16.0.9')).statusCode).toBe(403);
      const rows = await t.db.database.query("select 1 from audit_event where reason_code = 'admin_network'");
      expect(rows).toHaveLength(1);
      // Business routes and one's own account are not administrator interfaces.
      expect(
        (
          await t.app.inject({
            method: 'GET',
            url: '/api/auth/me',
            headers: { ...sys.headers, 'x-forwarded-for': '172.16.0.9' },
          })
        ).statusCode,
      ).toBe(200);
    });
  });
});
