import type { CatalogueDto, CategoryDto } from './catalogue.schema.ts';
import type { EditionRows, VersionRow } from './catalogue.store.ts';

const provisionalOf = (row: { provisional: boolean; provisionalReason: string | null }) => ({
  provisional: row.provisional,
  provisionalReason: row.provisionalReason,
});

export function presentEdition(version: VersionRow): CatalogueDto['edition'] {
  return {
    version: version.version,
    standardRef: version.standardRef,
    publishedAt: version.publishedAt,
    source: version.source,
  };
}

/** Each category with its legacy codes, stage limits (in step order) and the campaign tags it belongs to. */
export function presentCategories(rows: EditionRows): CategoryDto[] {
  return rows.categories.map((c) => ({
    code: c.code,
    kind: c.kind,
    major: { code: c.classCode, nameZh: c.classTitleZh, nameEn: c.classTitleEn },
    minorCode: c.subclassCode,
    nameZh: c.titleZh,
    nameEn: c.titleEn,
    legacyCodes: rows.legacy.filter((l) => l.code === c.code).map((l) => ({ code: l.legacyCode, ...provisionalOf(l) })),
    defaultDepartment: c.defaultDepartment,
    measureUnit: c.measureUnit,
    limits: rows.limits
      .filter((l) => l.code === c.code)
      .map((l) => ({ stage: l.stage, step: l.step, amount: Number(l.amount), unit: l.unit, ...provisionalOf(l) })),
    tags: rows.members
      .filter((m) => m.code === c.code)
      .map((m) => m.tagKey)
      .sort(),
    ...provisionalOf(c),
  }));
}

export function presentTags(rows: EditionRows, codes: ReadonlySet<string>): CatalogueDto['tags'] {
  return rows.tags.map((t) => ({
    key: t.tagKey,
    nameZh: t.titleZh,
    nameEn: t.titleEn,
    codes: rows.members
      .filter((m) => m.tagKey === t.tagKey && codes.has(m.code))
      .map((m) => m.code)
      .sort(),
    ...provisionalOf(t),
  }));
}
