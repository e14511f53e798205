import { describe, expect, it } from 'vitest';
import { firstControlUsable, measurePageLoad, phoneViewport } from './support/page-load.ts';
import { useLiveApp } from './support/live-app.ts';
import { type FirstLoad, firstVisits } from './support/web-build.ts';

/**
 * Issue #12: JavaScript a first visit transfers, compressed, on the wire. KB = 1,000 bytes.
 *
 * The staff home meets its budget. The residents' pages do not yet: React with the router is 70 KB and the antd
 * widgets the report form renders (Select, Form, Input, Typography, Result, Progress, InputNumber…) ~150 KB, so
 * 150 KB needs the form's widgets without antd (bench/results/README.md, web-delivery). Until then the test holds
 * them at what they weigh now plus room for the form work in flight, so they cannot grow unnoticed; lower the
 * ceiling with each step towards the target.
 */
const budgets = {
  staffHome: { target: 350_000, ceiling: 350_000 },
  report: { target: 150_000, ceiling: 275_000 },
  track: { target: 150_000, ceiling: 250_000 },
} as const;

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
const listing = (load: FirstLoad) => load.files.map((f) => `${f.file} ${kb(f.brotli)}`).join('\n');

describe('first-visit JavaScript, brotli, from the build manifests', () => {
  const visits = firstVisits();

  it.each(Object.keys(budgets) as Array<keyof typeof budgets>)('%s stays within its budget', (visit) => {
    const load = visits[visit];
    expect(load.files.length).toBeGreaterThan(1);
    // Every script was compressed at build time: a missing .br would be sent as is, 3–4× larger.
    for (const file of load.files) if (file.raw > 1024) expect(file.brotli, file.file).toBeLessThan(file.raw / 2);
    expect(load.brotli, `${visit}: ${kb(load.brotli)}\n${listing(load)}`).toBeLessThanOrEqual(budgets[visit].ceiling);
  });

  it("loads none of the staff app's chunks on the residents' pages", () => {
    const staffFiles = new Set(visits.staffHome.files.map((f) => f.file));
    for (const visit of ['report', 'track'] as const)
      expect(visits[visit].files.filter((f) => staffFiles.has(f.file) && !f.file.includes('rolldown-runtime'))).toEqual(
        [],
      );
  });
});

describe('first visit of the report form in Chromium', () => {
  const live = useLiveApp();

  it('gets the light entry, every script brotli-compressed, within the ceiling', async () => {
    const load = await measurePageLoad(live.browser, {
      url: `${live.server.url.replace('127.0.0.1', 'localhost')}/report`,
      viewport: phoneViewport,
      usable: firstControlUsable,
    });
    const scripts = load.transfers.filter((t) => t.type === 'Script');
    expect(scripts.length).toBeGreaterThan(1);
    for (const script of scripts) {
      expect(script.status, script.url).toBe(200);
      expect(script.encoding, script.url).toBe('br');
    }
    expect(scripts.some((s) => /\/assets\/citizen-/.test(s.url))).toBe(true);
    expect(scripts.some((s) => /\/assets\/main-/.test(s.url))).toBe(false);
    // Headers and all: a little over the manifest's figure.
    expect(load.scriptBytes).toBeLessThanOrEqual(budgets.report.ceiling + scripts.length * 400);
    expect(load.usableMs).toBeGreaterThan(0);
  });
});
