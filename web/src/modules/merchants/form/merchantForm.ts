import { ApiError } from '../../../app/api.ts';
import {
  foodKinds,
  type Merchant,
  type MerchantBody,
  type MerchantEditBody,
  type MerchantKind,
  type MerchantStatus,
  type RiskGrade,
} from '../merchantsApi.ts';

/** What the form holds: the server's fields, each as its control keeps it (blank text, an unset number). */
export interface MerchantFormValues {
  name?: string;
  creditCode?: string;
  licenceNo?: string;
  kind?: MerchantKind;
  status?: MerchantStatus;
  supervised?: boolean;
  schoolSurroundings?: boolean;
  marketStall?: boolean;
  marketId?: string;
  riskGrade?: RiskGrade;
  regionCode?: string;
  address?: string;
  gridCode?: string;
  lng?: number | null;
  lat?: number | null;
  frontageM?: number | null;
  operatorName?: string;
  operatorPhone?: string;
}

/** The form's fields by the server's names, so a field error from the server lands on its field. */
export const formFields: readonly (keyof MerchantFormValues)[] = [
  'name',
  'creditCode',
  'licenceNo',
  'kind',
  'status',
  'supervised',
  'schoolSurroundings',
  'marketStall',
  'marketId',
  'riskGrade',
  'regionCode',
  'address',
  'gridCode',
  'lng',
  'lat',
  'frontageM',
  'operatorName',
  'operatorPhone',
];

const text = (value: string | undefined): string | undefined => value?.trim() || undefined;
const number = (value: number | null | undefined): number | undefined =>
  typeof value === 'number' ? value : undefined;

/**
 * The body the server reads: blanks left out (the schema refuses none, but an empty code is not a code), the
 * grade only for food businesses, the market only for a stall. Required fields the form has not filled are sent
 * empty, so the server names them.
 */
export function merchantBodyOf(values: MerchantFormValues): MerchantBody {
  const kind = values.kind ?? 'other';
  const stall = values.marketStall === true;
  const body: MerchantBody = {
    name: values.name?.trim() ?? '',
    creditCode: text(values.creditCode),
    licenceNo: text(values.licenceNo),
    kind,
    marketStall: stall,
    marketId: stall ? values.marketId : undefined,
    schoolSurroundings: values.schoolSurroundings === true,
    supervised: values.supervised,
    riskGrade: foodKinds.has(kind) ? values.riskGrade : undefined,
    address: values.address?.trim() ?? '',
    regionCode: values.regionCode ?? '',
    gridCode: text(values.gridCode),
    lng: number(values.lng),
    lat: number(values.lat),
    operatorName: values.operatorName?.trim() ?? '',
    operatorPhone: text(values.operatorPhone),
    frontageM: number(values.frontageM),
  };
  return withoutUndefined(body);
}

export function merchantEditBodyOf(values: MerchantFormValues, merchant: Merchant): MerchantEditBody {
  return { ...merchantBodyOf(values), status: values.status ?? merchant.status, revision: merchant.revision };
}

/** JSON leaves undefined out anyway; dropping it here makes two equal drafts compare equal (the retry key). */
function withoutUndefined<T extends object>(body: T): T {
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined)) as T;
}

/**
 * A record as the edit form starts: every field as stored, except the operator's, which the server sends masked
 * (`张*`): sent back as they are they would overwrite the clear values, so they start empty until revealed or
 * typed anew.
 */
export function formValuesOf(merchant: Merchant): MerchantFormValues {
  return {
    name: merchant.name,
    creditCode: merchant.creditCode ?? undefined,
    licenceNo: merchant.licenceNo ?? undefined,
    kind: merchant.kind,
    status: merchant.status,
    supervised: merchant.supervised,
    schoolSurroundings: merchant.schoolSurroundings,
    marketStall: merchant.marketStall,
    marketId: merchant.marketId ?? undefined,
    riskGrade: merchant.riskGrade ?? undefined,
    regionCode: merchant.regionCode,
    address: merchant.address,
    gridCode: merchant.gridCode ?? undefined,
    lng: merchant.lng,
    lat: merchant.lat,
    frontageM: merchant.frontageM,
  };
}

/** 409 stale_revision: someone saved the merchant after this form read it. */
export function isStaleRevision(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status === 409 && error.code === 'stale_revision';
}

/**
 * Puts the server's field messages next to the form's fields (names dotted or JSON pointers: `/lng`, `name`);
 * returns the messages of fields the form does not have, for the alert above it.
 */
export function placeFieldErrors(
  form: { setFields: (fields: { name: keyof MerchantFormValues; errors: string[] }[]) => void },
  error: unknown,
): string[] {
  if (!(error instanceof ApiError)) return [];
  const byField = new Map<keyof MerchantFormValues, string[]>();
  const elsewhere: string[] = [];
  for (const [name, message] of Object.entries(error.fields)) {
    const head = formFields.find((field) => field === name.split(/[./]/).find((part) => part !== ''));
    if (head === undefined) elsewhere.push(message);
    else byField.set(head, [...(byField.get(head) ?? []), message]);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return elsewhere;
}
