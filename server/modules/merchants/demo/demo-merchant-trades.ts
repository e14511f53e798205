import type { MerchantKind } from '../../../db/schema/merchants.ts';

/**
 * The trades of a Hunan county town, by how market supervision sees them. Demo assumptions, not a survey: the
 * page gives only the totals (600 food businesses, 300 other supervised ones, 2,360 shops under 门前三包);
 * the mix within each follows what county registers usually hold (粉店 and 超市 everywhere, 大药房 and 农资店
 * the bulk of the other regulated trades), with the local trades of Yanling (客家菜, 黄桃 and 笋干 土特产, 红茶).
 */

/** 餐饮服务, 食品销售 (shops; market stalls are planned with their market), other supervised, ordinary. */
export type TradeGroup = 'catering' | 'food_sale' | 'supervised' | 'ordinary';

export interface Trade {
  /** The 行业 word of the shop's name: 粉店, 超市, 大药房. */
  noun: string;
  weight: number;
  /** A town centre's street, a village, or either. */
  where: 'town' | 'village' | 'any';
  /** Shopfront along the street in metres, [min, max]: the default width of its 门前三包 zone. */
  frontage: readonly [number, number];
  /** Found by school gates: the school-surroundings campaign's usual targets (anchors §5: 小饭桌, 文具, 五毛食品). */
  school?: boolean;
  /** Trades that also register as companies: the word before 有限公司 (炎陵县鑫源商贸有限公司). */
  company?: string;
  /** Names like 老王粉店 or 李记粉店 fit the trade. */
  owner?: boolean;
}

export const kindOfGroup: Record<TradeGroup, MerchantKind> = {
  catering: 'catering',
  food_sale: 'food_sale',
  supervised: 'other',
  ordinary: 'other',
};

const shop = [3.5, 7] as const;
const wide = [8, 18] as const;

export const trades: Record<TradeGroup, readonly Trade[]> = {
  catering: [
    { noun: '粉店', weight: 14, where: 'any', frontage: shop, school: true, owner: true },
    { noun: '面馆', weight: 5, where: 'town', frontage: shop, owner: true },
    { noun: '饭店', weight: 10, where: 'any', frontage: wide, company: '餐饮管理' },
    { noun: '土菜馆', weight: 8, where: 'any', frontage: [5, 12], owner: true },
    { noun: '客家菜馆', weight: 3, where: 'town', frontage: [5, 12] },
    { noun: '快餐店', weight: 6, where: 'town', frontage: shop, school: true },
    { noun: '小吃店', weight: 6, where: 'town', frontage: [3, 5], school: true, owner: true },
    { noun: '早餐店', weight: 5, where: 'town', frontage: [3, 5], school: true, owner: true },
    { noun: '烧烤店', weight: 4, where: 'town', frontage: shop, owner: true },
    { noun: '奶茶店', weight: 5, where: 'town', frontage: [3, 5], school: true },
    { noun: '蛋糕店', weight: 4, where: 'town', frontage: shop },
    { noun: '火锅店', weight: 3, where: 'town', frontage: wide },
    { noun: '农家乐', weight: 6, where: 'village', frontage: [10, 25] },
  ],
  food_sale: [
    { noun: '超市', weight: 10, where: 'any', frontage: wide, company: '商贸' },
    { noun: '便利店', weight: 10, where: 'town', frontage: [4, 8], school: true },
    { noun: '小卖部', weight: 12, where: 'any', frontage: [3, 5], school: true, owner: true },
    { noun: '副食店', weight: 6, where: 'any', frontage: shop, owner: true },
    { noun: '粮油店', weight: 5, where: 'town', frontage: shop },
    { noun: '烟酒店', weight: 6, where: 'town', frontage: [3.5, 6] },
    { noun: '水果店', weight: 6, where: 'town', frontage: shop, owner: true },
    { noun: '茶叶店', weight: 4, where: 'town', frontage: [3.5, 6] },
    { noun: '土特产店', weight: 4, where: 'town', frontage: shop },
    { noun: '母婴店', weight: 3, where: 'town', frontage: shop },
    { noun: '卤味店', weight: 3, where: 'town', frontage: [3, 5], owner: true },
  ],
  supervised: [
    { noun: '大药房', weight: 20, where: 'any', frontage: [5, 10], company: '医药连锁' },
    { noun: '农资店', weight: 14, where: 'any', frontage: shop, company: '农资' },
    { noun: '文具店', weight: 10, where: 'town', frontage: [3, 6], school: true },
    { noun: '化妆品店', weight: 8, where: 'town', frontage: [3.5, 6] },
    { noun: '电动车行', weight: 8, where: 'town', frontage: wide },
    { noun: '眼镜店', weight: 6, where: 'town', frontage: [3.5, 6] },
    { noun: '建材店', weight: 6, where: 'town', frontage: wide, company: '建材' },
    { noun: '玩具店', weight: 4, where: 'town', frontage: [3.5, 6], school: true },
    { noun: '金银首饰店', weight: 4, where: 'town', frontage: [3.5, 6] },
    { noun: '烟花爆竹店', weight: 4, where: 'any', frontage: shop },
    { noun: '医疗器械店', weight: 3, where: 'town', frontage: shop },
    { noun: '加油站', weight: 3, where: 'any', frontage: [25, 45], company: '石油' },
  ],
  ordinary: [
    { noun: '服装店', weight: 14, where: 'town', frontage: shop },
    { noun: '理发店', weight: 10, where: 'any', frontage: [3, 5], owner: true },
    { noun: '五金店', weight: 8, where: 'any', frontage: shop, owner: true },
    { noun: '日杂店', weight: 6, where: 'any', frontage: shop, owner: true },
    { noun: '手机店', weight: 6, where: 'town', frontage: [3.5, 6] },
    { noun: '鞋店', weight: 5, where: 'town', frontage: shop },
    { noun: '摩托车修理店', weight: 5, where: 'any', frontage: shop, owner: true },
    { noun: '家电商场', weight: 4, where: 'town', frontage: wide, company: '电器' },
    { noun: '家具店', weight: 4, where: 'town', frontage: wide },
    { noun: '快递驿站', weight: 4, where: 'any', frontage: [3.5, 6] },
    { noun: '图文打印店', weight: 4, where: 'town', frontage: [3, 5], school: true },
    { noun: '汽车修理厂', weight: 3, where: 'town', frontage: [10, 20], company: '汽车维修' },
    { noun: '床上用品店', weight: 3, where: 'town', frontage: shop },
    { noun: '装饰公司', weight: 3, where: 'town', frontage: shop, company: '装饰工程' },
    { noun: '足浴店', weight: 3, where: 'town', frontage: shop },
    { noun: '棋牌室', weight: 3, where: 'any', frontage: shop },
    { noun: '花店', weight: 3, where: 'town', frontage: [3, 5] },
    { noun: '裁缝店', weight: 2, where: 'any', frontage: [3, 4], owner: true },
    { noun: '书店', weight: 2, where: 'town', frontage: shop, school: true },
    { noun: '洗车店', weight: 2, where: 'town', frontage: [8, 15] },
    { noun: '洗衣店', weight: 2, where: 'town', frontage: [3, 5] },
    { noun: '照相馆', weight: 2, where: 'town', frontage: [3, 5] },
    { noun: '灯饰店', weight: 2, where: 'town', frontage: shop },
    { noun: '电脑店', weight: 2, where: 'town', frontage: [3.5, 6] },
    { noun: '窗帘布艺店', weight: 2, where: 'town', frontage: shop },
    { noun: '家政服务部', weight: 2, where: 'town', frontage: [3, 5] },
    { noun: '房产中介', weight: 2, where: 'town', frontage: [3.5, 6] },
    { noun: '广告店', weight: 2, where: 'town', frontage: [3.5, 6] },
  ],
};

/** What a 集贸市场's food stalls sell (食品销售, each stall a 个体工商户 of its own). */
export const foodStallGoods = [
  '猪肉',
  '牛肉',
  '蔬菜',
  '水产',
  '禽蛋',
  '豆腐',
  '干货',
  '水果',
  '熟食',
  '米粉',
  '调料',
  '粮油',
];
/** And the other stalls of the same markets: ordinary shops, not under food supervision. */
export const otherStallGoods = ['服装', '鞋帽', '日杂', '针织', '小五金'];

/**
 * 风险等级 shares per kind of food business (食品生产经营监督检查管理办法 §21–22): most B, few D. Catering and
 * markets (集中交易市场开办者) grade higher than packaged-food shops. Demo assumptions.
 */
export const riskWeights: Record<
  'catering' | 'food_sale' | 'stall' | 'market',
  readonly [number, number, number, number]
> = {
  catering: [12, 55, 28, 5],
  food_sale: [35, 50, 13, 2],
  stall: [25, 58, 15, 2],
  market: [0, 50, 45, 5],
};

/** 字号: the trade names county shops register under. */
export const tradeNames = (
  '鑫源 好又多 兴旺 金利 华联 福满 顺发 宏达 佳佳 美味 红星 天天 惠民 万家 聚福 隆兴 永和 新华 百姓 家和 利民 富民 祥和 鸿运 吉祥 恒丰 如意 康乐 ' +
  '炎帝 神农 洣水 霞阳 湘赣 井冈 桃源 金桃 笋乡 客家 老街 益民 安康 诚信 旺角 喜来 金源 鼎盛 春晖 雅琪 新时代 阳光 同心 众乐 乐购 优选 长青 和顺'
).split(' ');
