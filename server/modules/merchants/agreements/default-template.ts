import type { AgreementClauses, AgreementDuty } from '../../../db/schema/merchants.ts';

/**
 * The county's first 门前三包责任书 wording, as the common templates write it (anchors §4.1: 包卫生, 包秩序/市容,
 * 包绿化; the legal basis of 《城市市容和环境卫生管理条例》; persuasion, then a 限期整改通知书, then 综合行政执法).
 * The campaign office edits it as a new version; agreements keep the version they were signed with.
 */
export const defaultTemplate: {
  title: string;
  duties: AgreementDuty[];
  clauses: AgreementClauses;
  termMonths: number;
} = {
  title: '门前三包责任书',
  termMonths: 12,
  duties: [
    { section: 'hygiene', text: '责任区内地面每日清扫，保持干净整洁，无果皮纸屑、烟头、痰迹、污水和积水。' },
    { section: 'hygiene', text: '生活垃圾分类袋装，投放到指定的收集容器，不乱倒乱扔，不焚烧垃圾。' },
    { section: 'hygiene', text: '餐饮油烟、污水按规定处理，不直排路面和雨水井。' },
    { section: 'order', text: '不出店经营、不倚门设摊，不占道堆放货物、设置广告牌或摆放桌椅。' },
    { section: 'order', text: '门头招牌按规定设置并保持完好，不乱贴乱画乱挂，及时清除责任区内的“牛皮癣”小广告。' },
    { section: 'order', text: '车辆按规定停放，不在责任区内乱停乱放；不私搭乱建。' },
    { section: 'greenery', text: '爱护责任区内的树木、绿地和公共设施，不在树上晾晒、悬挂物品，不依树搭棚、拉线。' },
    { section: 'greenery', text: '发现公共设施损坏及时报告所在村（社区）或通过“文明炎陵”平台上报。' },
  ],
  clauses: {
    basis:
      '为巩固全国文明城市创建成果，依据《城市市容和环境卫生管理条例》和本县城市管理有关规定，实行临街单位和商户“门前三包”责任制。',
    generalDuties:
      '责任人应当履行上述责任，劝阻、制止他人在责任区内的违法违规行为，保持本责任书标牌整洁完好，并接受镇人民政府、村（社区）和市场监管、城市管理部门的检查监督。',
    penalties:
      '责任人未履行责任的，由村（社区）劝导、提醒；情节较重的，由镇人民政府下达《限期整改通知书》；逾期不整改的，移交综合行政执法部门依法处理，并纳入星级文明商户评定和红黑榜。',
  },
};

/** The section titles as printed: 一、包卫生 … */
export const dutySectionTitles: Record<AgreementDuty['section'], { zh: string; en: string }> = {
  hygiene: { zh: '包环境卫生', en: 'Hygiene' },
  order: { zh: '包市容秩序', en: 'Order and appearance' },
  greenery: { zh: '包绿化和设施', en: 'Greenery and facilities' },
};
