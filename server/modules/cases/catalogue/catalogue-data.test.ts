import { describe, expect, it } from 'vitest';
import { type CatalogueFile, catalogueProblems, currentCodePattern, readCasesCatalogue } from './catalogue-data.ts';

const { file } = readCasesCatalogue();
const byCode = new Map(file.categories.map((c) => [c.code, c]));
const clone = (): CatalogueFile => structuredClone(file);

describe('catalogue-2026.json', () => {
  it('is consistent: unique 5-digit codes in known classes, provisional values with reasons', () => {
    expect(catalogueProblems(file)).toEqual([]);
    const codes = file.categories.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(currentCodePattern);
  });

  it('maps every legacy code to exactly one current code, subclass kept and class +5 (anchors §0.2)', () => {
    const owners = new Map<string, string[]>();
    for (const c of file.categories)
      for (const l of c.legacy) owners.set(l.code, [...(owners.get(l.code) ?? []), c.code]);
    for (const [legacy, current] of owners) expect(current, legacy).toHaveLength(1);
    for (const [legacy, [current]] of owners) {
      if (legacy === '01-98') continue; // a vendor's local extension, mapped by name and marked provisional
      const [klass, sub] = legacy.split('-');
      expect(current).toBe(`${String(Number(klass) + 5).padStart(2, '0')}0${sub}`);
    }
    expect(owners.size).toBe(15);
  });

  it('has the four source-page categories with the right codes, legacy codes and units', () => {
    expect(byCode.get('09006')).toMatchObject({ nameZh: '占道经营', measureUnit: null, legacy: [{ code: '04-06' }] });
    expect(byCode.get('09001')).toMatchObject({
      nameZh: '无照经营游商',
      measureUnit: null,
      legacy: [{ code: '04-01' }],
    });
    expect(byCode.get('07001')).toMatchObject({ nameZh: '非法小广告', measureUnit: null, legacy: [{ code: '02-01' }] });
    expect(byCode.get('06001')).toMatchObject({ nameZh: '私搭乱建', measureUnit: 'm2', legacy: [{ code: '01-01' }] });
  });

  it('gives every category a 受理 limit, and the handling limits the anchors define (§3.2, §3.3)', () => {
    for (const c of file.categories)
      expect(
        c.limits.filter((l) => l.stage === 'register'),
        c.code,
      ).toEqual([expect.objectContaining({ amount: 0.5, unit: 'working_days' })]);
    const handle = (code: string) =>
      byCode
        .get(code)
        ?.limits.filter((l) => l.stage === 'handle')
        .map((l) => [l.step, l.amount, l.unit]);
    expect(handle('06001')).toEqual([
      ['stop_work', 4, 'working_hours'],
      ['penalty', 7, 'working_days'],
      ['demolition', 20, 'working_days'],
    ]);
    expect(handle('06010')).toEqual([['whole', 4, 'working_hours']]);
    expect(handle('06012')).toEqual([['whole', 2, 'working_hours']]);
    // Every limit comes from one city's or one county's table, never a national one: all provisional.
    for (const c of file.categories) for (const l of c.limits) expect(l.provisional, `${c.code} ${l.stage}`).toBe(true);
  });

  it('groups 三乱, 四乱 and 创文 codes into campaign tags', () => {
    const tag = (key: string) => file.campaignTags.find((t) => t.key === key)?.members;
    expect(tag('san_luan')).toEqual(['07001', '07002']);
    expect(tag('si_luan_street')).toEqual(expect.arrayContaining(['09006', '06001', '07001']));
    expect(tag('si_luan_river')).toEqual(['06045', '06046', '06024']);
    expect(tag('chuang_wen')).toEqual(expect.arrayContaining(['09006', '09001', '07001', '06001']));
  });
});

describe('catalogueProblems', () => {
  it.each<[string, (f: CatalogueFile) => void, string]>([
    [
      'a malformed code',
      (f) => {
        f.categories[0]!.code = '6001';
      },
      '6001: not a 5-digit code',
    ],
    [
      'a code in an unknown class',
      (f) => {
        f.categories[0]!.code = '99001';
      },
      '99001: unknown class',
    ],
    ['a code listed twice', (f) => void f.categories.push(structuredClone(f.categories[1]!)), '06007: listed twice'],
    ['a legacy code mapped twice', (f) => void f.categories[1]!.legacy.push({ code: '01-01' }), '01-01: mapped twice'],
    [
      'a malformed legacy code',
      (f) => {
        f.categories[1]!.legacy[0]!.code = '0107';
      },
      '0107: not a legacy code',
    ],
    [
      'a non-positive limit',
      (f) => {
        f.categories[0]!.limits[0]!.amount = 0;
      },
      '06001 register/whole: amount must be positive',
    ],
    [
      'a step listed twice',
      (f) => void f.categories[0]!.limits.push({ ...f.categories[0]!.limits[1]! }),
      '06001 handle/stop_work: listed twice',
    ],
    [
      'a provisional value without a reason',
      (f) => {
        delete f.categories[1]!.reason;
      },
      '06007: provisional without a reason',
    ],
    [
      'a tag naming an unknown code',
      (f) => void f.campaignTags[0]!.members.push('09999'),
      'san_luan: unknown member 09999',
    ],
  ])('reports %s', (_, damage, problem) => {
    const broken = clone();
    damage(broken);
    expect(catalogueProblems(broken)).toContain(problem);
  });
});
