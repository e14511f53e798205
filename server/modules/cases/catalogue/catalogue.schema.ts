import { type Static, Type } from 'typebox';
import { categoryKinds, limitStages, limitUnits } from '../../../db/schema/cases-catalogue.ts';
import { S } from '../../../platform/http/schema.ts';

/** The stages and units a time limit may name, as the columns store them (catalogue-data.ts checks the file). */
export { limitStages, limitUnits };

const nullableString = Type.Union([Type.String(), Type.Null()]);
const provisional = {
  provisional: Type.Boolean({ description: 'From a secondary or unverified source; see provisionalReason' }),
  provisionalReason: nullableString,
};

/** GB/T 47678.5-2026 codes: 2-digit class + 3-digit subclass. */
export const CategoryParams = S.object({
  code: Type.String({ pattern: '^[0-9]{5}$', description: 'GB/T 47678.5-2026 code, e.g. 09006' }),
});

export const CatalogueQuery = S.object({
  kind: Type.Optional(S.literals(categoryKinds, { description: "'event' (管理事项) or 'component' (管理部件)" })),
  tag: Type.Optional(
    Type.String({
      pattern: '^[a-z][a-z0-9_]{0,39}$',
      description: 'Only the members of this campaign tag (san_luan, chuang_wen …)',
    }),
  ),
});
export type CatalogueQueryInput = Static<typeof CatalogueQuery>;

export const StageLimitSchema = Type.Object({
  stage: S.literals(limitStages),
  step: Type.String({ description: "'whole', or a step of a staged stage (stop_work, penalty, demolition)" }),
  amount: Type.Number(),
  unit: S.literals(limitUnits),
  ...provisional,
});

export const LegacyCodeSchema = Type.Object({
  code: Type.String({ description: 'GB/T 30428.2-2013, e.g. 04-06' }),
  ...provisional,
});

export const CategorySchema = Type.Object({
  code: Type.String(),
  kind: S.literals(categoryKinds),
  major: Type.Object({ code: Type.String(), nameZh: Type.String(), nameEn: Type.String() }),
  minorCode: Type.String(),
  nameZh: Type.String(),
  nameEn: Type.String(),
  legacyCodes: Type.Array(LegacyCodeSchema),
  defaultDepartment: nullableString,
  measureUnit: nullableString,
  limits: Type.Array(StageLimitSchema),
  tags: Type.Array(Type.String()),
  ...provisional,
});
export type CategoryDto = Static<typeof CategorySchema>;

export const CampaignTagSchema = Type.Object({
  key: Type.String(),
  nameZh: Type.String(),
  nameEn: Type.String(),
  codes: Type.Array(Type.String()),
  ...provisional,
});

export const EditionSchema = Type.Object({
  version: Type.String(),
  standardRef: Type.String(),
  publishedAt: Type.String(),
  source: Type.String(),
});

export const CatalogueSchema = Type.Object({
  edition: EditionSchema,
  categories: Type.Array(CategorySchema),
  tags: Type.Array(CampaignTagSchema),
});
export type CatalogueDto = Static<typeof CatalogueSchema>;

export const CategoryResponseSchema = Type.Object({ edition: EditionSchema, category: CategorySchema });
export type CategoryResponseDto = Static<typeof CategoryResponseSchema>;
