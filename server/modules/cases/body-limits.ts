import { defaultPhotoLimits } from '../../platform/files/image.ts';

/**
 * Body limits sized to what a route carries (issue #9, item 6): the app's default is small (1 MB,
 * WENMING_BODY_LIMIT), and a route that takes photos inline gets room for a stated number of full-size ones.
 * fastify refuses a declared Content-Length over the limit before reading a byte, and stops reading a body
 * sent without one once it passes the limit, so memory stays bounded by the limit whatever is sent.
 */

/** The text of a report or action, and room for photos named by upload id. */
const textBytes = 64 * 1024;
/** A full-size photo (the photo check's own cap) in base64, which carries 3 bytes in 4 characters. */
const inlinePhotoBytes = Math.ceil((defaultPhotoLimits.maxBytes * 4) / 3);

/** The limit of a JSON body carrying up to `photos` full-size photos inline. */
export function inlinePhotosBodyLimit(photos: number): number {
  return textBytes + photos * inlinePhotoBytes;
}

/**
 * The citizen's report: the public page uploads each photo first and names it, so its report is text; an API
 * client may still put one full-size photo inline (or a few smaller ones). Anonymous bodies are where memory
 * goes under a flood, so this is kept to one photo (about 13 MB), not nine.
 */
export const publicReportBodyLimit = inlinePhotosBodyLimit(1);

/** Signed-in staff reports and actions with photos: four full-size photos inline (about 53 MB; was 64 MB flat). */
export const staffPhotoBodyLimit = inlinePhotosBodyLimit(4);
