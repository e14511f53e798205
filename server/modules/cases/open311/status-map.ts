/**
 * How a case's internal status reads on the Open311 wire. Until the case loop's `caseStatuses` (in
 * `db/schema/cases.ts`) exist, the eight statuses are declared here; the tests pin every one of them.
 */
export const open311MappedStatuses = [
  'reported',
  'verifying',
  'registered',
  'dispatched',
  'handling',
  'handled',
  'closed',
  'rejected',
  'duplicate',
] as const;
export type Open311MappedStatus = (typeof open311MappedStatuses)[number];

/** GeoReport v2 `status`: only `open` and `closed`. */
export type Open311Status = 'open' | 'closed';

/** mySociety's extended statuses (open311-adapter `Service/Role/ExtendedStatus.pm`, upper-case on the wire). */
export type ExtendedStatus =
  | 'FOR_TRIAGE'
  | 'INVESTIGATING'
  | 'ACTION_SCHEDULED'
  | 'IN_PROGRESS'
  | 'FIXED'
  | 'NO_FURTHER_ACTION'
  | 'DUPLICATE';

/** CitySDK (Helsinki, Rostock) `extended_attributes.detailed_status`; ARCHIVED is not used. */
export type CitySdkStatus = 'RECEIVED' | 'IN_PROCESS' | 'PROCESSED' | 'REJECTED';

interface StatusMapping {
  open311: Open311Status;
  extended: ExtendedStatus;
  citySdk: CitySdkStatus;
}

const mapping: Record<Open311MappedStatus, StatusMapping> = {
  reported: { open311: 'open', extended: 'FOR_TRIAGE', citySdk: 'RECEIVED' }, // 待受理
  // 待核实: an inspector goes to look before it is accepted — mySociety's INVESTIGATING, still only received.
  verifying: { open311: 'open', extended: 'INVESTIGATING', citySdk: 'RECEIVED' },
  registered: { open311: 'open', extended: 'INVESTIGATING', citySdk: 'IN_PROCESS' }, // 已立案, awaiting dispatch
  dispatched: { open311: 'open', extended: 'ACTION_SCHEDULED', citySdk: 'IN_PROCESS' }, // 已派遣
  handling: { open311: 'open', extended: 'IN_PROGRESS', citySdk: 'IN_PROCESS' }, // 处置中
  handled: { open311: 'open', extended: 'IN_PROGRESS', citySdk: 'IN_PROCESS' }, // 已反馈, awaiting verification (核查)
  closed: { open311: 'closed', extended: 'FIXED', citySdk: 'PROCESSED' }, // 已结案
  rejected: { open311: 'closed', extended: 'NO_FURTHER_ACTION', citySdk: 'REJECTED' }, // 不予立案
  // Merged into another case: this report is not worked on as its own request; status_notes name the other one.
  duplicate: { open311: 'closed', extended: 'DUPLICATE', citySdk: 'REJECTED' },
};

export function open311Status(status: Open311MappedStatus): Open311Status {
  return mapping[status].open311;
}

export function extendedStatus(status: Open311MappedStatus): ExtendedStatus {
  return mapping[status].extended;
}

export function citySdkStatus(status: Open311MappedStatus): CitySdkStatus {
  return mapping[status].citySdk;
}

/** The internal statuses a GET Service Requests `status=open|closed` filter selects. */
export function statusesFor(status: Open311Status): Open311MappedStatus[] {
  return open311MappedStatuses.filter((s) => mapping[s].open311 === status);
}
