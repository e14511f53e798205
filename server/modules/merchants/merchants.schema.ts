import { type Static, Type } from 'typebox';
import { merchantKinds, merchantStatuses, riskGrades } from '../../db/schema/merchants.ts';
import { S } from '../../platform/http/schema.ts';

const Kind = S.literals(merchantKinds, {
  description: '食品销售 food_sale, 餐饮 catering, 集贸市场 market_operator, 其他 other',
});
const Grade = S.literals(riskGrades, { description: '风险等级 A (lowest) – D (highest), food businesses only' });
const Status = S.literals(merchantStatuses, { description: '在营 open, 停业 suspended, 注销 closed' });

/** What a merchant's record holds that staff may write (registration and edits share it). */
const merchantFields = {
  name: Type.String({ minLength: 1, maxLength: 100, description: '字号或店招' }),
  creditCode: Type.Optional(Type.String({ maxLength: 40, description: '统一社会信用代码 (GB 32100, checked)' })),
  licenceNo: Type.Optional(Type.String({ maxLength: 40, description: '个体工商户营业执照注册号 (15 digits)' })),
  kind: Kind,
  marketStall: Type.Optional(Type.Boolean({ description: '集贸市场内的摊位' })),
  marketId: Type.Optional(Type.String({ format: 'uuid', description: 'The market this stall is in' })),
  schoolSurroundings: Type.Optional(Type.Boolean({ description: '校园周边 200 米内' })),
  supervised: Type.Optional(Type.Boolean({ description: '纳入市场监管检查计划' })),
  riskGrade: Type.Optional(Grade),
  address: Type.String({ minLength: 2, maxLength: 200 }),
  regionCode: S.regionCode('The township or village (community) it stands in'),
  gridCode: Type.Optional(Type.String({ maxLength: 40, description: '网格编号' })),
  lng: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
  lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
  operatorName: Type.String({ minLength: 1, maxLength: 50, description: '经营者或负责人姓名 (personal data)' }),
  operatorPhone: Type.Optional(Type.String({ maxLength: 30, description: '经营者电话 (personal data)' })),
  frontageM: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 1000, description: '门面宽度（米）' })),
};

export const MerchantBody = S.object(merchantFields);
export type MerchantBody = Static<typeof MerchantBody>;

export const MerchantEditBody = S.object({
  ...merchantFields,
  status: Status,
  revision: Type.Integer({
    minimum: 0,
    maximum: 2_147_483_647,
    description: 'The revision the editor read (a stale one is a 409)',
  }),
});
export type MerchantEditBody = Static<typeof MerchantEditBody>;

export const MerchantIdParam = S.object({ id: Type.String({ format: 'uuid' }) });

export const MerchantListQuery = S.object({
  township: Type.Optional(S.regionCode('Only this township or village')),
  kind: Type.Optional(Kind),
  riskGrade: Type.Optional(Grade),
  status: Type.Optional(Status),
  supervised: Type.Optional(Type.Boolean()),
  schoolSurroundings: Type.Optional(Type.Boolean()),
  marketStall: Type.Optional(Type.Boolean()),
  q: Type.Optional(
    Type.String({ maxLength: 50, description: 'Part of the name, the merchant number or the credit code' }),
  ),
  agreement: Type.Optional(
    S.literals(['missing', 'expiring'] as const, {
      description: 'missing: in business without a 门前三包 agreement in force today; expiring: it ends within 30 days',
    }),
  ),
  ...S.page(),
});
export type MerchantListQuery = Static<typeof MerchantListQuery>;

export const MerchantSchema = Type.Object({
  id: Type.String(),
  merchantNo: Type.String(),
  name: Type.String(),
  creditCode: Type.Union([Type.String(), Type.Null()]),
  licenceNo: Type.Union([Type.String(), Type.Null()]),
  kind: Kind,
  marketStall: Type.Boolean(),
  marketId: Type.Union([Type.String(), Type.Null()]),
  schoolSurroundings: Type.Boolean(),
  supervised: Type.Boolean(),
  riskGrade: Type.Union([Grade, Type.Null()]),
  status: Status,
  address: Type.String(),
  regionCode: Type.String(),
  regionName: Type.String(),
  townshipCode: Type.String(),
  townshipName: Type.String(),
  gridCode: Type.Union([Type.String(), Type.Null()]),
  lng: Type.Union([Type.Number(), Type.Null()]),
  lat: Type.Union([Type.Number(), Type.Null()]),
  /** Masked (张*); the clear value through POST /api/pii/reveal with a reason. */
  operatorName: Type.String(),
  operatorPhone: Type.Union([Type.String(), Type.Null()]),
  frontageM: Type.Union([Type.Number(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  revision: Type.Integer(),
});
export type MerchantView = Static<typeof MerchantSchema>;

export const MerchantListSchema = Type.Object({
  items: Type.Array(MerchantSchema),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});
export type MerchantList = Static<typeof MerchantListSchema>;
