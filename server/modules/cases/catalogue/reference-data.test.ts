import { describe, expect, it } from 'vitest';
import { readSetting, writeSetting } from '../../../platform/settings/settings.store.ts';
import { useTestDatabase } from '../../../testing/test-database.ts';
import { readCatalogue } from './catalogue.service.ts';
import { findActiveVersion, listEditionRows } from './catalogue.store.ts';
import { readCasesCatalogue } from './catalogue-data.ts';
import { ensureCasesCatalogue } from './reference-data.ts';

describe('ensureCasesCatalogue', () => {
  const t = useTestDatabase();
  const { file, hash } = readCasesCatalogue();

  it('loads the edition once, then does nothing until the file changes', async () => {
    const ctx = t.ctx();
    const first = await ensureCasesCatalogue(ctx);
    // The test template may already hold it (once wired into global setup): then nothing is loaded.
    expect([0, file.categories.length]).toContain(first.loaded);
    expect(await ensureCasesCatalogue(ctx)).toEqual({ loaded: 0 });
    expect(await readSetting(ctx.db, ctx.countyCode, 'reference.cases_catalogue.version')).toBe(hash);
    expect(await findActiveVersion(ctx.db, ctx.countyCode)).toMatchObject({
      version: '2026',
      standardRef: 'GB/T 47678.5-2026',
      contentHash: hash,
      active: true,
    });
  });

  it('reloads an older version of the file in full, without duplicates', async () => {
    const ctx = t.ctx();
    await writeSetting(ctx.db, ctx.countyCode, 'reference.cases_catalogue.version', 'older', ctx.clock());
    expect(await ensureCasesCatalogue(ctx)).toEqual({ loaded: file.categories.length });
    const rows = await listEditionRows(ctx.db, ctx.countyCode, '2026');
    expect(rows.categories).toHaveLength(file.categories.length);
    expect(rows.legacy).toHaveLength(file.categories.reduce((n, c) => n + c.legacy.length, 0));
    expect(rows.limits).toHaveLength(file.categories.reduce((n, c) => n + c.limits.length, 0));
    expect(rows.tags.map((tag) => tag.tagKey)).toEqual(['chuang_wen', 'san_luan', 'si_luan_river', 'si_luan_street']);
    // numeric(6,2) comes back as a number on both engines.
    expect(rows.limits.find((l) => l.code === '06001' && l.stage === 'register')?.amount).toBe(0.5);
  });

  it('answers not found for a county without a loaded edition', async () => {
    await expect(readCatalogue(t.ctx({ countyCode: '430224' }), {})).rejects.toMatchObject({
      status: 404,
      messageKey: 'error.not_found',
    });
  });
});
