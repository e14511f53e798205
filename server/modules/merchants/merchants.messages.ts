import type { MessageCatalogue } from '../../platform/module.ts';

/** Messages the module's errors name; zh and en carry the same codes (the manifest test checks). */
export const merchantsMessages: MessageCatalogue = {
  zh: {
    'merchants.identity_required': '请填写统一社会信用代码或个体工商户营业执照注册号（至少一项）',
    'merchants.licence_format': '营业执照注册号应为 15 位数字',
    'merchants.credit_code_taken': '该统一社会信用代码已登记为商户 {merchantNo}',
    'merchants.licence_taken': '该营业执照注册号已登记为商户 {merchantNo}',
    'merchants.region_outside_county': '所在地不在本县',
    'merchants.region_unknown': '没有这个乡镇或村（社区）',
    'merchants.region_level': '所在地请选到乡镇或村（社区）',
    'merchants.region_outside_scope': '该地点不在您负责的区域内',
    'merchants.phone_invalid': '请填写 11 位手机号或带区号的固定电话',
    'merchants.point_incomplete': '经度和纬度要一起填写',
    'merchants.point_outside_county': '该位置不在本县范围内',
    'merchants.risk_grade_food_only': '风险等级只适用于食品经营者（食品销售、餐饮、集贸市场）',
    'merchants.market_unknown': '所属市场不存在或不是集贸市场',
    'merchants.market_requires_stall': '只有市场摊位才能填写所属市场',
    'merchants.revision_stale': '该商户刚被他人修改过，请刷新后再改',
    'merchants.closed': '该商户已注销，不能再修改',
    'what.merchant': '商户',
  },
  en: {
    'merchants.identity_required':
      'Give the unified social credit code or the individual business licence number (at least one)',
    'merchants.licence_format': 'A business licence registration number has 15 digits',
    'merchants.credit_code_taken': 'This credit code is already registered as merchant {merchantNo}',
    'merchants.licence_taken': 'This licence number is already registered as merchant {merchantNo}',
    'merchants.region_outside_county': 'That place is outside this county',
    'merchants.region_unknown': 'There is no such township or village',
    'merchants.region_level': 'Choose a township or a village (community)',
    'merchants.region_outside_scope': 'That place is outside your area',
    'merchants.phone_invalid': 'Give an 11-digit mobile number or a landline with its area code',
    'merchants.point_incomplete': 'Give longitude and latitude together',
    'merchants.point_outside_county': 'That point is outside the county',
    'merchants.risk_grade_food_only': 'Risk grades apply to food businesses only (food sale, catering, markets)',
    'merchants.market_unknown': 'No such market, or it is not a market',
    'merchants.market_requires_stall': 'Only a market stall names its market',
    'merchants.revision_stale': 'Someone else has just changed this merchant: reload and edit again',
    'merchants.closed': 'This merchant is deregistered and can no longer be edited',
    'what.merchant': 'merchant',
  },
};
