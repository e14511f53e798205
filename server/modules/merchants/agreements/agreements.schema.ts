import { type Static, Type } from 'typebox';
import {
  agreementDutySections,
  agreementStatuses,
  agreementTemplateStatuses,
  signatureKinds,
} from '../../../db/schema/merchants.ts';
import { S } from '../../../platform/http/schema.ts';

/** The three duties in the order they are printed and checked (the column enumeration, for the use cases). */
export const dutySections = agreementDutySections;

const Day = Type.String({ format: 'date', description: 'YYYY-MM-DD (Asia/Shanghai calendar day)' });
const Duty = S.object({
  section: S.literals(agreementDutySections, { description: '包卫生 hygiene, 包秩序 order, 包绿化 greenery' }),
  text: Type.String({ minLength: 4, maxLength: 300 }),
});
const Clauses = S.object({
  basis: Type.String({ minLength: 4, maxLength: 1000 }),
  generalDuties: Type.String({ minLength: 4, maxLength: 1000 }),
  penalties: Type.String({ minLength: 4, maxLength: 1000 }),
});

export const AgreementIdParam = S.object({ agreementId: Type.String({ format: 'uuid' }) });
export const TemplateVersionParam = S.object({ version: Type.Integer({ minimum: 1, maximum: 100_000 }) });

export const TemplateBody = S.object({
  title: Type.String({ minLength: 2, maxLength: 50 }),
  duties: Type.Array(Duty, { minItems: 3, maxItems: 30 }),
  clauses: Clauses,
  termMonths: Type.Integer({ minimum: 1, maximum: 60 }),
});
export type TemplateBody = Static<typeof TemplateBody>;

export const TemplateSchema = Type.Object({
  version: Type.Integer(),
  title: Type.String(),
  duties: Type.Array(Type.Object({ section: Type.String(), text: Type.String() })),
  clauses: Type.Object({ basis: Type.String(), generalDuties: Type.String(), penalties: Type.String() }),
  termMonths: Type.Integer(),
  status: S.literals(agreementTemplateStatuses),
  createdAt: Type.String({ format: 'date-time' }),
  activatedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export const TemplateListSchema = Type.Object({ items: Type.Array(TemplateSchema) });
export type TemplateView = Static<typeof TemplateSchema>;

/** Drawing up an agreement: the zone, the signing village (default: the merchant's), the term (default: the template's). */
export const DraftBody = S.object({
  zoneLengthM: Type.Number({ exclusiveMinimum: 0, maximum: 1000, description: '责任区宽度：门面长度（米）' }),
  zoneDepthM: Type.Number({ exclusiveMinimum: 0, maximum: 200, description: '责任区进深：墙基至路沿（米）' }),
  zoneDescription: Type.String({ minLength: 2, maxLength: 300, description: '四至：东至…西至…' }),
  villageCode: Type.Optional(S.regionCode('乙方：所在村（社区）')),
  termStart: Type.Optional(Day),
  termEnd: Type.Optional(Day),
});
export type DraftBody = Static<typeof DraftBody>;

export const DraftEditBody = S.object({
  ...DraftBody.properties,
  revision: Type.Integer({ minimum: 0, maximum: 2_147_483_647 }),
});
export type DraftEditBody = Static<typeof DraftEditBody>;

/**
 * Signing: who signed for the merchant, and the evidence — the signature drawn on the screen or a photo of the
 * signed paper, as base64 (PNG or JPEG; cleaned of EXIF like every photo).
 */
export const SignBody = S.object({
  revision: Type.Integer({ minimum: 0, maximum: 2_147_483_647 }),
  signerName: Type.String({ minLength: 1, maxLength: 50, description: '签字人（personal data）' }),
  signatureKind: S.literals(signatureKinds),
  signature: Type.String({ minLength: 1, maxLength: 14_000_000, description: 'base64 PNG or JPEG' }),
});
export type SignBody = Static<typeof SignBody>;

export const TerminateBody = S.object({
  revision: Type.Integer({ minimum: 0, maximum: 2_147_483_647 }),
  reason: Type.String({ minLength: 2, maxLength: 200 }),
});
export const RevisionBody = S.object({ revision: Type.Integer({ minimum: 0, maximum: 2_147_483_647 }) });

export const AgreementSchema = Type.Object({
  id: Type.String(),
  agreementNo: Type.String(),
  merchantId: Type.String(),
  merchantNo: Type.String(),
  merchantName: Type.String(),
  templateVersion: Type.Integer(),
  title: Type.String(),
  duties: Type.Array(Type.Object({ section: Type.String(), text: Type.String() })),
  clauses: Type.Object({ basis: Type.String(), generalDuties: Type.String(), penalties: Type.String() }),
  zoneLengthM: Type.Number(),
  zoneDepthM: Type.Number(),
  zoneDescription: Type.String(),
  townshipCode: Type.String(),
  townshipName: Type.String(),
  villageCode: Type.String(),
  villageName: Type.String(),
  termStart: Type.String(),
  termEnd: Type.String(),
  status: S.literals(agreementStatuses),
  /** 生效中 in force today, 未生效 signed for a later term, 已到期 ended, or the stored status for drafts and terminated ones. */
  standing: S.literals(['draft', 'in_force', 'not_yet', 'expired', 'terminated'] as const),
  renews: Type.Union([Type.String(), Type.Null()]),
  signedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  /** Masked; the clear name through POST /api/pii/reveal (objectType 'agreement', field signerName). */
  signerName: Type.Union([Type.String(), Type.Null()]),
  signatureKind: Type.Union([S.literals(signatureKinds), Type.Null()]),
  terminatedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  terminationReason: Type.Union([Type.String(), Type.Null()]),
  revision: Type.Integer(),
});
export type AgreementView = Static<typeof AgreementSchema>;
export const AgreementListSchema = Type.Object({ items: Type.Array(AgreementSchema) });

export const CoverageQuery = S.object({ township: Type.Optional(S.regionCode('Only this township')) });
export const CoverageSchema = Type.Object({
  day: Type.String(),
  expiringBy: Type.String(),
  townships: Type.Array(
    Type.Object({
      townshipCode: Type.String(),
      townshipName: Type.String(),
      merchants: Type.Integer(),
      covered: Type.Integer(),
      missing: Type.Integer(),
      expiring: Type.Integer(),
      /** covered ÷ merchants, 0–1 (1 when the township has no merchant in business). */
      coverage: Type.Number(),
    }),
  ),
  total: Type.Object({
    merchants: Type.Integer(),
    covered: Type.Integer(),
    missing: Type.Integer(),
    expiring: Type.Integer(),
  }),
});
export type CoverageView = Static<typeof CoverageSchema>;
