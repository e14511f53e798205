import { createHash, randomBytes } from 'node:crypto';
import type { CaseChannel } from '../../../db/schema/cases.ts';
import { shanghaiYearOf } from '../../../platform/calendar/shanghai-time.ts';
import { SeededRandom } from '../../../platform/seed/random.ts';
import type { SeedScale } from '../../../platform/seed/seed-step.ts';
import type { CategoryFacts } from '../case-setup.ts';
import { type ActorRef, CaseHistory, type NewHistoryRow } from './case-history.ts';
import { type OpenStall, type PathActors, type PathPlan, walkCase } from './case-paths.ts';
import {
  casesPerYear,
  categoryWeights,
  channelWeights,
  countySeatShare,
  otherCodeWeight,
  pathOdds,
  quotaDraw,
  townshipWeight,
  weightedPick,
} from './demo-mix.ts';
import {
  addressIn,
  buildTownships,
  clamp,
  countySeatCode,
  type DemoTownship,
  type DemoVillage,
  type Point,
  round,
  scatter,
} from './demo-places.ts';
import { buildSchedule, historyDays, reportTime, type Schedule } from './demo-schedule.ts';
import type { DemoSetup } from './demo-setup.ts';
import { descriptionFor } from './demo-texts.ts';
import { planDuplicates } from './demo-duplicates.ts';

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

interface Draft {
  history: CaseHistory;
  plan: PathPlan;
}

export class PlanContext {
  readonly townships: DemoTownship[];
  readonly schedule: Schedule;
  readonly actors: PathActors;
  readonly byCode: Map<string, CategoryFacts>;

  constructor(
    readonly setup: DemoSetup,
    rng: SeededRandom,
  ) {
    this.townships = buildTownships(setup.townships, setup.villages, setup.policy.bounds, rng.fork('places'));
    this.schedule = buildSchedule(setup.now, setup.work);
    this.byCode = new Map(setup.categories.map((c) => [c.code, c]));
    const user = (id: string | null | undefined): ActorRef => ({ kind: 'user', id: id ?? null });
    const { staff } = setup;
    this.actors = {
      dispatcher: user(staff.dispatcher),
      coordinator: user(staff.coordinator),
      inspectorOf: (township) => user(staff.inspectors.get(township)),
      handlerOf: (department) => user(staff.handlers.get(department)),
    };
  }

  draft(
    category: CategoryFacts,
    township: DemoTownship,
    channel: CaseChannel,
    rng: SeededRandom,
    first: boolean,
  ): Draft {
    const { setup } = this;
    const reportedAt = reportTime(this.schedule, channel, setup.now, setup.work, rng, first);
    const cadre =
      channel === 'other' && township.code === countySeatCode && rng.chance(0.5)
        ? setup.staff.cadres.find((c) => township.villages.some((v) => v.code === c.village))
        : undefined;
    const village = cadre ? township.villages.find((v) => v.code === cadre.village)! : pickVillage(township, rng);
    const point = round(
      clamp(
        scatter(
          village?.anchor ?? township.anchor,
          village && Number(village.code.slice(9)) >= 200 ? 0.006 : 0.003,
          rng,
        ),
        setup.policy.bounds,
      ),
    );
    const reporter = this.reporterOf(channel, township.code, cadre?.id);
    const history = this.open(
      category,
      { township, village, point, address: addressIn(township, village, rng), channel, reportedAt, reporter },
      rng,
    );
    const department = setup.departmentFor(category.code, township.code);
    const others = setup.departments.filter((d) => d !== department);
    return {
      history,
      plan: {
        department,
        wrongDepartment: others.length > 0 && rng.chance(pathOdds.returned) ? rng.pick(others) : null,
        rejected: rng.chance(pathOdds.rejected),
        stall: null,
        openSuspension: false,
      },
    };
  }

  /** A new case as storeReport writes it. */
  open(
    category: CategoryFacts,
    at: {
      township: DemoTownship;
      village: DemoVillage | null;
      point: Point;
      address: string;
      channel: CaseChannel;
      reportedAt: Date;
      reporter: ActorRef;
    },
    rng: SeededRandom,
  ): CaseHistory {
    const facts: NewHistoryRow = {
      regionCode: this.setup.countyCode,
      trackingTokenHash: createHash('sha256').update(randomBytes(12).toString('base64url')).digest('hex'),
      catalogueVersion: category.version,
      categoryCode: category.code,
      channel: at.channel,
      priority: rng.chance(category.code === '09012' ? 0.3 : pathOdds.urgent) ? 'urgent' : 'normal',
      locationCode: at.village?.code ?? at.township.code,
      townshipCode: at.township.code,
      gridCode: null,
      lng: at.point.lng,
      lat: at.point.lat,
      address: at.address,
      description: descriptionFor(category.code, rng),
      areaM2: category.measureUnit === 'm2' ? rng.int(4, 120) + rng.int(0, 9) / 10 : null,
      reporterUserId: at.reporter.kind === 'user' ? at.reporter.id : null,
      reporterApiKeyId: null,
      reporterPhoneEnc: null,
      reporterPhoneHmac: null,
      externalRef: at.channel === 'hotline' ? hotlineTicket(at.reportedAt, rng) : null,
      department: null,
      handlerUserId: null,
      closingNote: null,
      reportedAt: at.reportedAt,
      registeredAt: null,
      dispatchedAt: null,
      handledAt: null,
      handlingMinutes: null,
      closedAt: null,
      suspendedAt: null,
      suspendedRemainingMinutes: null,
      handleDueAt: null,
      closedOnTime: null,
      reworkCount: 0,
      escalationLevel: 0,
      satisfaction: null,
      satisfactionComment: null,
      ratedAt: null,
    };
    const env = { category, policy: this.setup.policy, work: this.setup.work, sweepLagMs: rng.int(1, 5) * 60_000 };
    return new CaseHistory(env, facts, at.reporter);
  }

  /**
   * Who files a report on each channel: the township's inspector on patrol, the 12345 operator (the
   * dispatcher's desk) for the hotline, the volunteer or village cadre of the place, an anonymous citizen.
   * Where the demo has no account for the post, the entry names staff without a person.
   */
  reporterOf(channel: CaseChannel, township: string, cadre: string | undefined): ActorRef {
    const { staff } = this.setup;
    const user = (id: string | null | undefined): ActorRef => ({ kind: 'user', id: id ?? null });
    switch (channel) {
      case 'patrol':
        return user(staff.inspectors.get(township));
      case 'hotline':
        return user(staff.dispatcher);
      case 'volunteer':
        return user(staff.volunteers.get(township));
      case 'other':
        return user(cadre);
      case 'citizen':
        return { kind: 'reporter', id: null };
    }
  }
}

/** Most cases name a village or community; the county seat's mostly its urban communities. */
function pickVillage(township: DemoTownship, rng: SeededRandom): DemoVillage | null {
  if (township.villages.length === 0 || rng.chance(0.12)) return null;
  return weightedPick(
    township.villages.map((v) => [v, Number(v.code.slice(9)) < 200 ? 3 : 1] as const),
    rng,
  );
}

/** A 12345 work-order number (工单号) as partners quote it: 'RX' + date + serial, no long digit run. */
function hotlineTicket(at: Date, rng: SeededRandom): string {
  const day = new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(2, 10).replace(/-/g, '');
  return `RX${day}-${String(rng.int(1, 999)).padStart(3, '0')}`;
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
