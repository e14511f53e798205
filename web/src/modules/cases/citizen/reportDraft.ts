import type { MessageKey } from '../../../app/i18n/zh.ts';
import { describesPlace, minimumPlaceCharacters, normaliseAddress } from '../../../../../rules/address.ts';
import type { FormCategory, ReportBody } from './citizenApi.ts';
import { idleLocation, type LocationState, pointOf } from './locationState.ts';
import type { PreparedPhoto } from './photoPrep.ts';
import type { ReportStep } from './reportFields.ts';

export const maxPhotos = 9;

export interface DraftPhoto extends PreparedPhoto {
  id: string;
  /** Where the photo says it was taken (EXIF GPS), offered when the phone's location is refused. */
  position: { lng: number; lat: number } | null;
}

export { insideBounds, type Position } from './locationState.ts';

/** What the citizen has entered so far; the body is built from it only when sending. */
export interface ReportDraft {
  category?: FormCategory;
  photos: DraftPhoto[];
  /** The phone's, the photo's, a pin's or no point at all (locationState.ts): one state, one message. */
  location: LocationState;
  townshipCode?: string;
  villageCode?: string;
  address: string;
  description: string;
  areaM2?: number;
  phone: string;
  /** 短信告知办理进展: off unless the citizen ticks it; needs the phone. */
  smsConsent?: boolean;
}

export const emptyDraft: ReportDraft = { photos: [], location: idleLocation, address: '', description: '', phone: '' };

/** A problem found before sending: the field it belongs to and the message (with its variables). */
export interface LocalProblem {
  field: string;
  key: MessageKey;
  vars?: Record<string, string | number>;
}

/**
 * The same checks the server makes, made first so the citizen is told on the step itself, offline too. The
 * place: a point in the county, or — without one — the township and words enough to find the spot.
 */
export function problemsOf(draft: ReportDraft, step: ReportStep): LocalProblem[] {
  const problems: LocalProblem[] = [];
  if (step === 'category' && !draft.category)
    problems.push({ field: 'categoryCode', key: 'citizen.error.categoryRequired' });
  if (step === 'photos' && draft.photos.length === 0)
    problems.push({ field: 'photos', key: 'citizen.error.photosRequired' });
  if (step === 'location') problems.push(...placeProblems(draft));
  if (step === 'details') problems.push(...detailsProblems(draft));
  return problems;
}

function placeProblems(draft: ReportDraft): LocalProblem[] {
  const problems: LocalProblem[] = [];
  const point = pointOf(draft.location);
  if (!point && !draft.townshipCode) problems.push({ field: 'regionCode', key: 'citizen.error.townshipRequired' });
  const address = normaliseAddress(draft.address);
  if (address === '') problems.push({ field: 'address', key: 'citizen.error.addressRequired' });
  else if (!point && !describesPlace(address))
    problems.push({ field: 'address', key: 'citizen.error.addressVague', vars: { min: minimumPlaceCharacters } });
  return problems;
}

function detailsProblems(draft: ReportDraft): LocalProblem[] {
  const problems: LocalProblem[] = [];
  if (draft.description.trim() === '')
    problems.push({ field: 'description', key: 'citizen.error.descriptionRequired' });
  if (draft.category?.needsArea && !(draft.areaM2 !== undefined && draft.areaM2 > 0))
    problems.push({ field: 'areaM2', key: 'citizen.error.areaRequired' });
  if (draft.smsConsent && draft.phone.trim() === '')
    problems.push({ field: 'smsConsent', key: 'citizen.error.smsNeedsPhone' });
  return problems;
}

/**
 * The request body. The point when there is one in the county; the region is the village when one was chosen,
 * else the township (left to the dispatcher when there is a point and none was chosen); the area goes only
 * with categories measured in m² (the server refuses it elsewhere); an empty phone is left out. The photos
 * were uploaded one by one already: the report names them by their upload ids, in the citizen's order.
 */
export function reportBodyOf(draft: ReportDraft, uploadIds: readonly string[]): ReportBody {
  const { category } = draft;
  const point = pointOf(draft.location);
  const regionCode = draft.villageCode ?? draft.townshipCode;
  if (!category || (!point && !regionCode)) throw new Error('the draft is not complete');
  const phone = draft.phone.trim();
  return {
    categoryCode: category.code,
    ...(point ? { lng: point.lng, lat: point.lat } : {}),
    address: normaliseAddress(draft.address),
    ...(regionCode ? { regionCode } : {}),
    description: draft.description.trim(),
    ...(category.needsArea && draft.areaM2 !== undefined ? { areaM2: draft.areaM2 } : {}),
    ...(phone === '' ? {} : { phone }),
    ...(phone !== '' && draft.smsConsent ? { smsConsent: true } : {}),
    photos: uploadIds.map((uploadId) => ({ uploadId })),
  };
}
