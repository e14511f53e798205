import { createHash, randomBytes } from 'node:crypto';
import type { CaseChannel } from '../../../db/schema/cases.ts';
import type { SeededRandom } from '../../../platform/seed/random.ts';
import type { CategoryFacts } from '../case-setup.ts';
import { type ActorRef, CaseHistory, type NewHistoryRow } from './case-history.ts';
import type { PathActors, PathPlan } from './case-paths.ts';
import { pathOdds, weightedPick } from './demo-mix.ts';
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
import { buildSchedule, reportTime, type Schedule } from './demo-schedule.ts';
import type { DemoSetup } from './demo-setup.ts';
import { descriptionFor } from './demo-texts.ts';

/**
 * What a new report has not got yet: no partner, phone, department, handler or later step. The path walk
 * (case-paths.ts) fills these in as the case moves on.
 */
const notYetWalked = {
  reporterApiKeyId: null,
  reporterPhoneEnc: null,
  reporterPhoneHmac: null,
  // Demo callers leave no name; their made-up 工单号 stay in external_ref (not unique: drawn at random per day).
  reporterNameEnc: null,
  hotlineTicketNo: null,
  // Demo reporters leave no phone, so none agreed to SMS notices.
  smsConsent: false,
  department: null,
  handlerUserId: null,
  closingNote: null,
  registeredAt: null,
  dispatchedAt: null,
  handledAt: null,
  handlingMinutes: null,
  closedAt: null,
  // The demo's reports in 核实 are still waiting for the inspector (send_to_verify in the open tail).
  reportVerifiedAt: null,
  reportVerifiedOnTime: null,
  suspendedAt: null,
  suspendedRemainingMinutes: null,
  handleDueAt: null,
  closedOnTime: null,
  reworkCount: 0,
  escalationLevel: 0,
  satisfaction: null,
  satisfactionComment: null,
  ratedAt: null,
} as const;

/** A planned case before its path is walked: its history so far and what the path will do. */
export interface Draft {
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
      ...notYetWalked,
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
      externalRef: at.channel === 'hotline' ? hotlineTicket(at.reportedAt, rng) : null,
      reportedAt: at.reportedAt,
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
