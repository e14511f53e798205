import { type Static, Type } from 'typebox';
import { regionLevels } from '../../db/schema/platform.ts';
import { S } from '../http/schema.ts';

export const RegionLevelSchema = S.literals(regionLevels);

export const RegionSchema = Type.Object({
  code: Type.String(),
  name: Type.String(),
  level: RegionLevelSchema,
  parentCode: Type.Union([Type.String(), Type.Null()]),
  kind: Type.Union([Type.String(), Type.Null()]),
});
export type RegionDto = Static<typeof RegionSchema>;

export const RegionCodeParams = S.object({ code: S.regionCode() });

export const RegionDetailSchema = Type.Object({
  region: RegionSchema,
  ancestors: Type.Array(RegionSchema),
  children: Type.Array(RegionSchema),
  counts: Type.Record(Type.String(), Type.Integer(), { description: 'Regions below, by level' }),
});

export const RegionSearchQuery = S.object({
  within: Type.Optional(S.regionCode('Only regions in this subtree')),
  level: Type.Optional(RegionLevelSchema),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: 'Part of the name' })),
  ...S.page(),
});

export const RegionPageSchema = Type.Object({
  items: Type.Array(RegionSchema),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});
