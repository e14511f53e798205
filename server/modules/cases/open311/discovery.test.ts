import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../testing/test-app.ts';
import { appModules } from '../../index.ts';

const publicUrl = 'https://wenming.yanling.gov.cn';
/** Everything a client (or a poisoned cache in front of us) can say about where it reached us. */
const forged = {
  host: 'evil.example',
  'x-forwarded-host': 'evil2.example',
  'x-forwarded-proto': 'http',
  forwarded: 'host=evil3.example;proto=http',
};

/** Issue 9 item 9: absolute URLs come from WENMING_PUBLIC_URL, never from the request's Host. */
describe('Open311 discovery: the configured public base URL', () => {
  // Behind a trusted gateway, the worst case: X-Forwarded-* would be believed if anything read them.
  const t = useTestApp({ modules: appModules, config: { publicUrl, trustProxy: true } });

  it.each(['json', 'xml'])('.%s: a forged Host and X-Forwarded-Host are not reflected', async (format) => {
    const res = await t.app.inject({ method: 'GET', url: `/open311/v2/discovery.${format}`, headers: forged });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('evil');
    expect(res.body).toContain(`${publicUrl}/open311/v2`);
  });

  it('jurisdiction_id may name the public host, not whatever Host the request carried', async () => {
    const discovery = (jurisdiction: string) =>
      t.app.inject({
        method: 'GET',
        url: `/open311/v2/discovery.json?jurisdiction_id=${jurisdiction}`,
        headers: forged,
      });
    expect((await discovery('evil.example')).statusCode).toBe(404);
    expect((await discovery('evil2.example')).statusCode).toBe(404);
    expect((await discovery('wenming.yanling.gov.cn')).statusCode).toBe(200);
    expect((await discovery('430225')).statusCode).toBe(200);
  });
});
