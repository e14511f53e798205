import { describe, expect, it } from 'vitest';
import { region } from '../../db/schema/platform.ts';
import { SeededRandom } from '../seed/random.ts';
import { useTestDatabase } from '../../testing/test-database.ts';
import { generateVillages, seedVillages } from './demo-villages.ts';
import { countSubtreeByLevel, listChildren } from './regions.store.ts';
import { regionSubtree } from './region-scope.sql.ts';

describe('demo villages', () => {
  const t = useTestDatabase();

  it('numbers communities from 001 and villagers’ committees from 200 under the township code', () => {
    const rows = generateVillages({ code: '430225100', name: '霞阳镇' }, new SeededRandom(1));
    const communities = rows.filter((r) => r.kind === 'community');
    const villages = rows.filter((r) => r.kind === 'village_committee');
    expect(communities.map((r) => r.code.slice(9))).toEqual(communities.map((_, i) => String(i + 1).padStart(3, '0')));
    expect(villages[0]!.code).toBe('430225100200');
    expect(communities.every((r) => r.name.endsWith('社区'))).toBe(true);
    expect(villages.every((r) => r.name.endsWith('村'))).toBe(true);
    expect(new Set(rows.map((r) => r.name)).size).toBe(rows.length);
  });

  it('is deterministic: the same seed gives the same villages, another seed other names', () => {
    const township = { code: '430225101', name: '沔渡镇' };
    const a = generateVillages(township, new SeededRandom(7));
    expect(generateVillages(township, new SeededRandom(7))).toEqual(a);
    expect(generateVillages(township, new SeededRandom(8)).map((r) => r.name)).not.toEqual(a.map((r) => r.name));
  });

  it('seeds every township of Yanling and reports progress per township', async () => {
    const events: Array<[number, number]> = [];
    const count = await seedVillages(t.database.db, '430225', new SeededRandom(430225), (d, n) => events.push([d, n]));
    expect(count).toBeGreaterThan(100);
    expect(events.at(-1)).toEqual([12, 12]);
    const counts = await countSubtreeByLevel(t.database.db, '430225');
    expect(counts).toEqual({ township: 12, village: count });
    const xiayang = await listChildren(t.database.db, '430225100');
    expect(xiayang.length).toBe(25);
  });

  it('subtree filters select exactly the codes below a root', async () => {
    const rows = await t.database.db
      .select({ code: region.code })
      .from(region)
      .where(regionSubtree(region.code, '430225100'));
    expect(rows.length).toBe(26);
    expect(rows.every((r) => r.code.startsWith('430225100'))).toBe(true);
    expect(() => regionSubtree(region.code, "43' or 1=1 --")).toThrow('not a region code');
  });
});
