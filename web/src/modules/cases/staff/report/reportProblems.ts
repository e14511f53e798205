import type { Translate } from '../../../../app/i18n/translate.ts';
import type { CaseLookups } from '../useCaseLookups.ts';
import type { FieldDraft } from './staffReportBody.ts';

/** The form's own checks, by field; the server checks everything again. */
export type ReportProblems = Record<string, string>;

/** A category, and its area when the category is measured in m². */
export function categoryProblems(draft: FieldDraft, lookups: CaseLookups, t: Translate): ReportProblems {
  const problems: ReportProblems = {};
  if (!draft.categoryCode) problems.categoryCode = t('staffReport.category.required');
  const category = lookups.catalogue.categories.find((c) => c.code === draft.categoryCode);
  if (category?.measureUnit === 'm2' && draft.areaM2 === undefined) problems.areaM2 = t('staffReport.area.required');
  return problems;
}

/** A township (or village), and the address when the words are all that places the report. */
export function placeProblems(draft: FieldDraft, addressNeeded: boolean, t: Translate): ReportProblems {
  const problems: ReportProblems = {};
  if (!draft.regionCode) problems.regionCode = t('staffReport.place.required');
  if (addressNeeded && !draft.address?.trim()) problems.address = t('staffReport.address.required');
  return problems;
}
