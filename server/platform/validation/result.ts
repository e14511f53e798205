/**
 * The common shape every validator returns. A failure carries a reason key, never a sentence: the words live in
 * `messages.ts` (zh and en) so the HTTP layer can answer in the caller's language.
 */

/** Every reason any validator in this folder can give. `messages.ts` must translate each one (a test checks). */
export const validationReasons = [
  'id_card.required',
  'id_card.format',
  'id_card.legacy_15',
  'id_card.region',
  'id_card.birth_date',
  'id_card.birth_date_future',
  'id_card.birth_date_too_early',
  'id_card.check_digit',
  'uscc.required',
  'uscc.format',
  'uscc.registration_authority',
  'uscc.organization_type',
  'uscc.region',
  'uscc.organization_code',
  'uscc.check_digit',
  'mobile.required',
  'mobile.format',
  'mobile.not_mainland',
  'landline.required',
  'landline.format',
  'region_code.required',
  'region_code.format',
  'region_code.province',
  'region_code.city',
  'region_code.township',
  'region_code.village',
  'insurance_institution.required',
  'insurance_institution.format',
  'insurance_institution.region',
  'insurance_institution.pharmacy',
  'insurance_area.required',
  'insurance_area.format',
  'insurance_area.region',
  'chronic_disease.required',
  'chronic_disease.format',
] as const;

export type ValidationReason = (typeof validationReasons)[number];

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; reason: ValidationReason };

export function valid<T>(value: T): ValidationResult<T> {
  return { ok: true, value };
}

export function invalid<T = never>(reason: ValidationReason): ValidationResult<T> {
  return { ok: false, reason };
}
