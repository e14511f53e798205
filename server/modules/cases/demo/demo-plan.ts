import { shanghaiYearOf } from '../../../platform/calendar/shanghai-time.ts';
import { SeededRandom } from '../../../platform/seed/random.ts';
import type { SeedScale } from '../../../platform/seed/seed-step.ts';
import type { CaseHistory } from './case-history.ts';
import { type OpenStall, walkCase } from './case-paths.ts';
import {
  casesPerYear,
  categoryWeights,
  channelWeights,
  countySeatShare,
  otherCodeWeight,
  pathOdds,
  quotaDraw,
  townshipWeight,
} from './demo-mix.ts';
import { countySeatCode, type DemoTownship } from './demo-places.ts';
import { historyDays } from './demo-schedule.ts';
import type { DemoSetup } from './demo-setup.ts';
import { planDuplicates } from './demo-duplicates.ts';
import { type Draft, PlanContext } from './plan-context.ts';

/**
 * The whole case history of the demo county, in memory: who reported what where and when, and how far each
 * case got by now. Deterministic from the seed (same seed, same catalogue and calendar → the same cases),
 * except the tracking-token hashes, which are random because nobody may be able to derive a token.
 */
export function planCaseHistory(setup: DemoSetup, scale: SeedScale, seed: number): CaseHistory[] {
  const rng = new SeededRandom(seed).fork('cases history');
  const context = new PlanContext(setup, rng);
  const total = Math.round((casesPerYear[scale] * (historyDays + 1)) / 365);
  const primaries = Math.round(total * (1 - pathOdds.duplicateShare));
  const pick = rng.fork('mix');
  const categories = quotaDraw(
    setup.categories.map((c) => [c, categoryWeights[c.code] ?? otherCodeWeight] as const),
    primaries,
    pick,
    3,
  );
  const townships = quotaDraw(townshipWeights(context.townships), categories.length, pick, 5);
  const channels = quotaDraw(channelWeights, categories.length, pick, 3);
  const walk = rng.fork('walk');
  const drafts = categories.map((category, i) => context.draft(category, townships[i]!, channels[i]!, walk, i === 0));
  assignStalls(drafts, setup.now, rng.fork('stalls'));
  const histories = drafts.map((d) => {
    walkCase(d.history, d.plan, context.actors, walk, setup.now);
    return d.history;
  });
  const duplicates = planDuplicates(histories, total - primaries, context, rng.fork('duplicates'));
  return [...histories, ...duplicates].sort((a, b) => a.row.reportedAt.getTime() - b.row.reportedAt.getTime());
}

/** The county seat's weight is set so that it carries its share of all cases. */
function townshipWeights(townships: readonly DemoTownship[]): Array<readonly [DemoTownship, number]> {
  const others = townships.filter((t) => t.code !== countySeatCode);
  const rest = others.reduce((sum, t) => sum + townshipWeight(t.name), 0);
  return townships.map(
    (t) =>
      [
        t,
        t.code === countySeatCode ? (rest * countySeatShare) / (1 - countySeatShare) : townshipWeight(t.name),
      ] as const,
  );
}

/**
 * The open tail at `now`: recent cases stuck in each open state (at least `minEach` of each, so that every
 * queue has work in a small demo), old ones stuck in handling, and long suspensions. A state is given only to
 * a case old enough to have reached it on the usual timetable.
 */
function assignStalls(drafts: Draft[], now: Date, rng: SeededRandom, minEach = 3): void {
  const windows: Record<OpenStall, [number, number]> = {
    reported: [1, 4],
    registered: [2, 10],
    dispatched: [3, 30],
    handling: [5, 45],
    handled: [12, 20],
  };
  const counts = new Map<OpenStall, number>();
  const newestFirst = [...drafts].sort(
    (a, b) => b.history.row.reportedAt.getTime() - a.history.row.reportedAt.getTime(),
  );
  for (const draft of newestFirst) {
    if (draft.plan.rejected) continue;
    const ageDays = (now.getTime() - draft.history.row.reportedAt.getTime()) / 86_400_000;
    const fits = (Object.keys(windows) as OpenStall[]).filter(
      (s) =>
        ageDays >= windows[s][0] &&
        ageDays <= windows[s][1] &&
        (s !== 'handled' || draft.history.row.categoryCode !== '06001'),
    );
    const wanted = fits.find((s) => (counts.get(s) ?? 0) < minEach);
    const stall = wanted ?? (fits.length > 0 && rng.chance(pathOdds.recentStall) ? rng.pick(fits) : null);
    if (stall) {
      draft.plan.stall = stall;
      counts.set(stall, (counts.get(stall) ?? 0) + 1);
    } else if (ageDays > 45 && rng.chance(pathOdds.oldStall))
      draft.plan.stall = rng.chance(0.7) ? 'handling' : 'dispatched';
    else if (ageDays > 10 && rng.chance(pathOdds.openSuspension)) draft.plan.openSuspension = true;
  }
}

/**
 * Gives the cases their ids (in report order, from the block the sequence reserved) and their numbers as
 * storeReport makes them (the report's year + the id), then fills in the links to merged-into cases.
 */
export function numberCases(histories: readonly CaseHistory[], firstId: number): void {
  histories.forEach((h, i) => {
    h.row.id = firstId + i;
    h.row.caseNo = `${shanghaiYearOf(h.row.reportedAt)}-${String(h.row.id).padStart(8, '0')}`;
  });
  for (const h of histories) {
    if (!h.duplicateOf) continue;
    h.row.duplicateOf = h.duplicateOf.row.id;
    const merge = h.events.find((e) => e.action === 'merge')!;
    merge.details = { duplicateOf: h.duplicateOf.row.caseNo };
  }
}
