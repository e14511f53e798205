import type { CaseChannel } from '../../../db/schema/cases.ts';
import { addWorkingMinutes } from '../../../platform/calendar/working-time.ts';
import type { SeededRandom } from '../../../platform/seed/random.ts';
import type { CaseHistory } from './case-history.ts';
import { weightedPick } from './demo-mix.ts';
import { type Point, round } from './demo-places.ts';
import type { PlanContext } from './plan-context.ts';
import { registerNotes } from './demo-texts.ts';

/** Second reports of a problem already reported: mostly citizens and the hotline, seldom a patrol. */
const duplicateChannels: ReadonlyArray<[CaseChannel, number]> = [
  ['citizen', 45],
  ['hotline', 30],
  ['patrol', 15],
  ['volunteer', 10],
];
const hourMs = 3_600_000;

/**
 * Reports of the same problem a few tens of metres from a case that was open at the time, merged into it at
 * intake (合并, sometimes after 立案) as mergeCase allows: same category, the target open and not itself a
 * duplicate. The target may have been closed since.
 */
export function planDuplicates(
  primaries: readonly CaseHistory[],
  count: number,
  context: PlanContext,
  rng: SeededRandom,
): CaseHistory[] {
  const { now } = context.setup;
  const targets = primaries.filter((h) => h.status !== 'rejected' && h.status !== 'reported');
  const out: CaseHistory[] = [];
  for (let i = 0; i < count && targets.length > 0; i++) {
    for (let attempt = 0; attempt < 20; attempt++) {
      const target = rng.pick(targets);
      const openUntil = target.row.closedAt ?? now;
      const window = Math.min(openUntil.getTime() - target.row.reportedAt.getTime(), 72 * hourMs);
      if (window < 2 * hourMs) continue;
      const duplicate = reportAgain(
        target,
        new Date(target.row.reportedAt.getTime() + (0.05 + 0.8 * rng.next()) * window),
        context,
        rng,
      );
      const later = (from: Date, minutes: number) =>
        addWorkingMinutes(from, minutes, context.setup.work.calendar, context.setup.work.hours);
      const registerFirst = rng.chance(0.2);
      const registerAt = later(duplicate.row.reportedAt, rng.int(5, 60));
      const mergeAt = later(registerFirst ? registerAt : duplicate.row.reportedAt, rng.int(5, 120));
      if (mergeAt >= openUntil || mergeAt > now) continue;
      if (registerFirst) duplicate.register(registerAt, context.actors.dispatcher, rng.pick(registerNotes));
      duplicate.merge(mergeAt, context.actors.dispatcher, target);
      out.push(duplicate);
      break;
    }
  }
  return out;
}

function reportAgain(target: CaseHistory, reportedAt: Date, context: PlanContext, rng: SeededRandom): CaseHistory {
  const township = context.townships.find((t) => t.code === target.row.townshipCode)!;
  const village = township.villages.find((v) => v.code === target.row.locationCode) ?? null;
  const channel = weightedPick(duplicateChannels, rng);
  const category = context.byCode.get(target.row.categoryCode)!;
  // Demo cases are all placed by a point (only a partner's address-only report has none).
  const point = near({ lng: target.row.lng!, lat: target.row.lat! }, rng.int(5, 40), rng);
  return context.open(
    category,
    {
      township,
      village,
      point,
      address: target.row.address,
      channel,
      reportedAt,
      reporter: context.reporterOf(channel, township.code, undefined),
    },
    rng,
  );
}

/** A point `metres` from `p` in a random direction. */
function near(p: Point, metres: number, rng: SeededRandom): Point {
  const angle = rng.next() * 2 * Math.PI;
  const dLat = (metres * Math.sin(angle)) / 111_320;
  const dLng = (metres * Math.cos(angle)) / (111_320 * Math.cos((p.lat * Math.PI) / 180));
  return round({ lng: p.lng + dLng, lat: p.lat + dLat });
}
