import { type Static, Type } from 'typebox';
import { clockStages } from '../../../db/schema/cases.ts';
import { limitUnits } from '../../../db/schema/cases-catalogue.ts';
import { S } from '../../../platform/http/schema.ts';

const limit = S.object({ amount: Type.Number({ exclusiveMinimum: 0, maximum: 400 }), unit: S.literals(limitUnits) });
const departmentKey = Type.String({ pattern: '^[a-z][a-z0-9_]{1,39}$' });

/** 核实 came after the first four stages: a policy saved without it keeps the county default (case-policy.ts). */
const laterStages = ['verify_report'] as const;
const firstStages = clockStages.filter(
  (stage): stage is Exclude<(typeof clockStages)[number], (typeof laterStages)[number]> =>
    !(laterStages as readonly string[]).includes(stage),
);

export const PolicyBody = S.object({
  defaultLimits: S.object({
    ...(Object.fromEntries(firstStages.map((s) => [s, limit])) as Record<(typeof firstStages)[number], typeof limit>),
    verify_report: Type.Optional(limit),
  }),
  duplicateRadiusM: Type.Integer({ minimum: 10, maximum: 1000 }),
  escalationLadder: Type.Array(
    S.object({
      level: Type.Integer({ minimum: 1, maximum: 9 }),
      overdueWorkingHours: Type.Number({ minimum: 0, maximum: 1000 }),
      titleZh: Type.String({ minLength: 1, maxLength: 40 }),
      titleEn: Type.String({ minLength: 1, maxLength: 80 }),
    }),
    { minItems: 1, maxItems: 9 },
  ),
  maxExtensionHours: Type.Integer({ minimum: 1, maximum: 400 }),
});
export type PolicyInput = Static<typeof PolicyBody>;

export const DepartmentParams = S.object({ key: departmentKey });
export const DepartmentBody = S.object({
  titleZh: Type.String({ minLength: 1, maxLength: 60 }),
  titleEn: Type.String({ minLength: 1, maxLength: 120 }),
  active: Type.Boolean(),
  sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
});
export type DepartmentInput = Static<typeof DepartmentBody>;

export const RouteParams = S.object({ categoryCode: Type.String({ pattern: '^[0-9]{5}$' }) });
export const RouteBody = S.object({
  department: departmentKey,
  areaCode: Type.Optional(
    Type.String({ pattern: '^([0-9]{9})?$', description: "'' (county-wide) or a township code" }),
  ),
});
export type RouteInput = Static<typeof RouteBody>;
export const RouteQuery = S.object({ areaCode: Type.Optional(Type.String({ pattern: '^([0-9]{9})?$' })) });

export const SettingsSchema = Type.Object({
  policy: Type.Object({
    defaultLimits: Type.Record(Type.String(), Type.Object({ amount: Type.Number(), unit: Type.String() })),
    duplicateRadiusM: Type.Integer(),
    escalationLadder: Type.Array(
      Type.Object({
        level: Type.Integer(),
        overdueWorkingHours: Type.Number(),
        titleZh: Type.String(),
        titleEn: Type.String(),
      }),
    ),
    maxExtensionHours: Type.Integer(),
    bounds: Type.Object({ minLng: Type.Number(), maxLng: Type.Number(), minLat: Type.Number(), maxLat: Type.Number() }),
  }),
  departments: Type.Array(
    Type.Object({
      key: Type.String(),
      titleZh: Type.String(),
      titleEn: Type.String(),
      active: Type.Boolean(),
      sortOrder: Type.Integer(),
    }),
  ),
  routes: Type.Array(Type.Object({ categoryCode: Type.String(), areaCode: Type.String(), department: Type.String() })),
});
export type SettingsDto = Static<typeof SettingsSchema>;
