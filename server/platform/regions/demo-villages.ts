import type { Db } from '../db/database.ts';
import type { SeededRandom } from '../seed/random.ts';
import type { RegionRow } from './national-regions.ts';
import { assertValidCodes } from './national-regions.ts';
import { listChildren, upsertRegions } from './regions.store.ts';
import { villageKind } from './region-kind.ts';

/**
 * Villages are not in the national files we ship (12-digit codes), so the demo generates them under each real
 * township: communities 001…, villagers' committees 200…, as the 统计用区划代码 rules number them.
 * The county seat gets the most communities; farms and the nature-reserve bureau get a few.
 */
export function villagePlanFor(townshipName: string, rng: SeededRandom): { communities: number; villages: number } {
  if (townshipName.endsWith('街道')) return { communities: rng.int(5, 9), villages: rng.int(0, 3) };
  if (townshipName === '霞阳镇') return { communities: 9, villages: 16 };
  if (townshipName.endsWith('镇')) return { communities: rng.int(1, 2), villages: rng.int(11, 16) };
  if (townshipName.endsWith('乡')) return { communities: rng.int(0, 1), villages: rng.int(7, 11) };
  return { communities: rng.int(1, 3), villages: 0 };
}

const firstChars = '龙石田坪塘溪源桥岭江湾洲竹桃梅枫松杨高新大沙泉霞金青红黄白和平安富兴旺长乐东西南北茶花荷云'.split(
  '',
);
const secondChars = '口坪塘湾田垄冲背洞坑岭源溪村洲桥山坳头屋铺岗江丰兴和泉'.split('');
const communityNames = ['城东', '城西', '城南', '城北', '炎帝', '解放', '建设', '新华', '沿河', '鹿原', '东风', '滨江'];

function uniqueName(used: Set<string>, make: () => string): string {
  for (let attempt = 0; attempt < 1000; attempt++) {
    const name = make();
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
  throw new Error('could not find a unique village name');
}

export function generateVillages(township: { code: string; name: string }, rng: SeededRandom): RegionRow[] {
  const plan = villagePlanFor(township.name, rng);
  const used = new Set<string>();
  const rows: RegionRow[] = [];
  for (let i = 1; i <= plan.communities; i++) {
    const base =
      township.name === '霞阳镇'
        ? communityNames[i - 1]!
        : uniqueName(used, () => rng.pick(firstChars) + rng.pick(secondChars));
    rows.push(villageRow(township.code, i, `${base}社区`));
  }
  for (let i = 0; i < plan.villages; i++) {
    const name = uniqueName(used, () => rng.pick(firstChars) + rng.pick(secondChars));
    rows.push(villageRow(township.code, 200 + i, `${name}村`));
  }
  return rows;
}

function villageRow(townshipCode: string, sequence: number, name: string): RegionRow {
  const code = townshipCode + String(sequence).padStart(3, '0');
  return { code, name, level: 'village', parentCode: townshipCode, kind: villageKind(code), source: 'demo' };
}

/** Generates and stores the villages of every township of the county; returns how many. */
export async function seedVillages(
  db: Db,
  countyCode: string,
  rng: SeededRandom,
  progress: (done: number, total: number) => void,
): Promise<number> {
  const townships = await listChildren(db, countyCode);
  let count = 0;
  for (const [index, township] of townships.entries()) {
    const rows = generateVillages(township, rng.fork(township.code));
    assertValidCodes(rows);
    await upsertRegions(db, rows);
    count += rows.length;
    progress(index + 1, townships.length);
  }
  return count;
}
