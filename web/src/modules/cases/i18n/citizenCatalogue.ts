import { citizenEn } from './en/citizen.ts';
import { caseUploadsEn } from './en/uploads.ts';
import { citizenZh } from './zh/citizen.ts';
import { caseUploadsZh } from './zh/uploads.ts';

/**
 * The strings of the residents' pages alone, for the residents' entry (`publicPages.ts`): their own and the photo
 * upload lines they share with the staff forms. The staff manifest carries these too, inside `casesZh`.
 */
export const citizenCatalogue = {
  zh: { ...citizenZh, ...caseUploadsZh },
  en: { ...citizenEn, ...caseUploadsEn },
} as const;
