import type { caseUploadsZh } from '../zh/uploads.ts';

/** One photo's upload under its thumbnail (`uploads/`): the staff forms and the residents' report form show it. */
export const caseUploadsEn: Record<keyof typeof caseUploadsZh, string> = {
  'cases.upload.waiting': 'Waiting to upload',
  'cases.upload.uploading': 'Uploading {percent}%',
  'cases.upload.done': 'Uploaded',
  'cases.upload.retry': 'Retry',
  'cases.upload.retryLabel': 'Upload photo {n} again',
};
