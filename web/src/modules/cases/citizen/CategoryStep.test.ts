import { describe, expect, it } from 'vitest';
import { groupCategories } from './CategoryStep.tsx';
import { sampleForm } from './test/samples.ts';

describe('choosing the kind of problem', () => {
  it('groups the plain-word categories in the server’s order', () => {
    expect(groupCategories(sampleForm.categories, '').map((g) => [g.name, g.categories.map((c) => c.code)])).toEqual([
      ['市容环境类', ['06001', '06010']],
      ['街面秩序类', ['09001']],
    ]);
  });

  it('searches names, groups and hints, and drops empty groups', () => {
    expect(groupCategories(sampleForm.categories, ' 垃圾 ').flatMap((g) => g.categories.map((c) => c.code))).toEqual([
      '06010',
    ]);
    expect(groupCategories(sampleForm.categories, '面积').flatMap((g) => g.categories.map((c) => c.code))).toEqual([
      '06001',
    ]);
    expect(groupCategories(sampleForm.categories, '街面').map((g) => g.name)).toEqual(['街面秩序类']);
    expect(groupCategories(sampleForm.categories, '不存在的问题')).toEqual([]);
  });
});
