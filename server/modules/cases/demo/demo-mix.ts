import type { CaseChannel } from '../../../db/schema/cases.ts';
import type { SeededRandom } from '../../../platform/seed/random.ts';
import type { SeedScale } from '../../../platform/seed/seed-step.ts';

/**
 * The shape of the demo county's case history: how many cases, of which kinds, from which channels, and how
 * often the loop goes off its happy path. Demo assumptions, not measured figures: the press source gives only
 * the county's total ("累计处理各类市容违规案件1.2万多起", anchors §0.3), so the shares below follow what
 * county 数字城管 reports usually show (the 三乱 posters, street trading and parking at the top).
 */

/** Cases per year at each scale: `county` matches the 12,000+ of the press source. */
export const casesPerYear: Record<SeedScale, number> = { small: 2_700, county: 13_000 };

/** Relative frequency of each event code; a code missing here (a newer catalogue) gets `otherCodeWeight`. */
export const categoryWeights: Readonly<Record<string, number>> = {
  '07001': 16, // 非法小广告
  '09006': 14, // 占道经营
  '09001': 11, // 无照经营游商 (流动商贩)
  '06036': 9, // 乱堆杂物
  '09009': 9, // 机动车乱停放
  '09005': 6, // 店外经营
  '09010': 4, // 非机动车乱停放
  '06010': 4, // 暴露垃圾
  '06012': 3, // 道路不洁
  '06007': 3, // 沿街晾挂
  '07003': 2.5, // 违规户外广告
  '06042': 2.5, // 垃圾站(箱)满溢
  '07006': 2, // 违规牌匾标识
  '06011': 2, // 积存垃圾渣土
  '06029': 2, // 露天烧烤
  '09011': 1.5, // 共享单车
  '07002': 1.5, // 街头散发广告
  '06028': 1.2, // 噪声扰民
  '06001': 1.2, // 私搭乱建
  '07007': 1, // 违规标语宣传品
  '09002': 1, // 早(夜)市
  '09022': 1, // 占道促销
  '06027': 1, // 油烟污染
  '09021': 0.8, // 占道洗车
  '09012': 0.8, // 占用消防通道
  '09004': 0.6, // 废品收购乱象
  '06045': 0.6, // 非法占绿毁绿
  '08011': 0.6, // 渣土车未密闭
  '08016': 0.4, // 无证建设
  '09003': 0.4, // 流浪乞讨
  '06024': 0.3, // 水域秩序乱象
  '06046': 0.3, // 占用河道
};
export const otherCodeWeight = 0.5;

/** 监督员 patrols find most cases; citizens, volunteers and the 12345 line the rest. */
export const channelWeights: ReadonlyArray<[CaseChannel, number]> = [
  ['patrol', 55],
  ['citizen', 17],
  ['hotline', 12],
  ['volunteer', 10],
  ['other', 6],
];

/** The county seat carries ~45 % of the cases; the other townships share the rest by kind. */
export const countySeatShare = 0.45;
export function townshipWeight(name: string): number {
  if (name.endsWith('镇')) return 3;
  if (name.endsWith('乡')) return 1.6;
  return 0.6; // 农场, 管理局
}

/** How often a case leaves the happy path (per primary case). */
export const pathOdds = {
  rejected: 0.05,
  duplicateShare: 0.04,
  slowIntake: 0.04,
  slowDispatch: 0.03,
  slowVerify: 0.03,
  lateFeedback: 0.08,
  returned: 0.03,
  oneRework: 0.05,
  twoReworks: 0.01,
  extension: 0.03,
  extensionApproved: 0.85,
  suspension: 0.012,
  suspensionApproved: 0.9,
  /** Suspended long ago and still waiting (a court ruling, a demolition order …). */
  openSuspension: 0.004,
  /** Recent cases stuck in a stage at "now": the overdue queue. */
  recentStall: 0.05,
  /** Old cases stuck in handling for weeks: the top of the 督办 ladder. */
  oldStall: 0.003,
  /** A coordinator's 督办 on a case already late. */
  manualEscalation: 0.35,
  urgent: 0.04,
} as const;

/** 回访 reaches the people who gave a number more often than the inspectors who reported themselves. */
export const ratingOdds: Record<CaseChannel, number> = {
  citizen: 0.85,
  hotline: 0.85,
  volunteer: 0.7,
  patrol: 0.5,
  other: 0.5,
};

/**
 * About `n` keys in random order with each key's share of `weights`, every key at least `minEach` times (so
 * a few more than `n` when the minimums add up): a weighted draw that cannot leave a rare category out.
 */
export function quotaDraw<K>(
  weights: ReadonlyArray<readonly [K, number]>,
  n: number,
  rng: SeededRandom,
  minEach = 1,
): K[] {
  const total = weights.reduce((sum, [, w]) => sum + w, 0);
  const out: K[] = [];
  for (const [key, w] of weights)
    for (let i = Math.max(minEach, Math.floor((w / total) * n)); i > 0; i--) out.push(key);
  while (out.length < n) out.push(weightedPick(weights, rng, total));
  shuffle(out, rng);
  return out;
}

export function weightedPick<K>(
  weights: ReadonlyArray<readonly [K, number]>,
  rng: SeededRandom,
  total = weights.reduce((s, [, w]) => s + w, 0),
): K {
  let x = rng.next() * total;
  for (const [key, w] of weights) {
    x -= w;
    if (x < 0) return key;
  }
  return weights[weights.length - 1]![0];
}

export function shuffle<T>(items: T[], rng: SeededRandom): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}
