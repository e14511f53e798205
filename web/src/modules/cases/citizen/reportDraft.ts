import type { MessageKey } from '../../../app/i18n/zh.ts';
import type { CountyBounds, FormCategory, ReportBody } from './citizenApi.ts';
import type { PreparedPhoto } from './photoPrep.ts';
import type { ReportStep } from './reportFields.ts';

export const maxPhotos = 9;

export interface DraftPhoto extends PreparedPhoto {
  id: string;
  /** Where the photo says it was taken (EXIF GPS), offered when the phone's location is refused. */
  position: { lng: number; lat: number } | null;
}

export interface Position {
  lng: number;
  lat: number;
  accuracyM?: number;
  source: 'device' | 'photo' | 'manual';
}

/** What the citizen has entered so far; the body is built from it only when sending. */
export interface ReportDraft {
  category?: FormCategory;
  photos: DraftPhoto[];
  position?: Position;
  townshipCode?: string;
  villageCode?: string;
  address: string;
  description: string;
  areaM2?: number;
  phone: string;
  /** 短信告知办理进展: off unless the citizen ticks it; needs the phone. */
  smsConsent?: boolean;
}

export const emptyDraft: ReportDraft = { photos: [], address: '', description: '', phone: '' };

export function insideBounds(point: { lng: number; lat: number }, bounds: CountyBounds): boolean {
  return (
    point.lng >= bounds.minLng && point.lng <= bounds.maxLng && point.lat >= bounds.minLat && point.lat <= bounds.maxLat
  );
}

/** A problem found before sending: the field it belongs to and the message (with its variables). */
export interface LocalProblem {
  field: string;
  key: MessageKey;
  vars?: Record<string, string | number>;
}

/** The same checks the server makes, made first so the citizen is told on the step itself, offline too. */
export function problemsOf(draft: ReportDraft, step: ReportStep, bounds: CountyBounds): LocalProblem[] {
  const problems: LocalProblem[] = [];
  if (step === 'category' && !draft.category)
    problems.push({ field: 'categoryCode', key: 'citizen.error.categoryRequired' });
  if (step === 'photos' && draft.photos.length === 0)
    problems.push({ field: 'photos', key: 'citizen.error.photosRequired' });
  if (step === 'location') {
    if (!draft.position) problems.push({ field: 'lng', key: 'citizen.error.positionRequired' });
    else if (!insideBounds(draft.position, bounds))
      problems.push({ field: 'lng', key: 'citizen.error.outsideCounty', vars: { ...bounds } });
    if (!draft.townshipCode) problems.push({ field: 'regionCode', key: 'citizen.error.townshipRequired' });
    if (draft.address.trim() === '') problems.push({ field: 'address', key: 'citizen.error.addressRequired' });
  }
  if (step === 'details') problems.push(...detailsProblems(draft));
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
 * The request body. The region is the village when one was chosen, else the township; the area goes only
 * with categories measured in m² (the server refuses it elsewhere); an empty phone is left out. The photos
 * were uploaded one by one already: the report names them by their upload ids, in the citizen's order.
 */
export function reportBodyOf(draft: ReportDraft, uploadIds: readonly string[]): ReportBody {
  const { category, position } = draft;
  const regionCode = draft.villageCode ?? draft.townshipCode;
  if (!category || !position || !regionCode) throw new Error('the draft is not complete');
  const phone = draft.phone.trim();
  return {
    categoryCode: category.code,
    lng: position.lng,
    lat: position.lat,
    address: draft.address.trim(),
    regionCode,
    description: draft.description.trim(),
    ...(category.needsArea && draft.areaM2 !== undefined ? { areaM2: draft.areaM2 } : {}),
    ...(phone === '' ? {} : { phone }),
    ...(phone !== '' && draft.smsConsent ? { smsConsent: true } : {}),
    photos: uploadIds.map((uploadId) => ({ uploadId })),
  };
}
