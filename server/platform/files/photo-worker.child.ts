// The photo worker process (photo-worker.ts starts it): cleans the photos the server sends, one message each,
// and answers with the cleaned photo or the AppError that refused it. Exits when the server's channel closes.
import sharp from 'sharp';
import { AppError } from '../http/app-error.ts';
import type { InspectedImage } from './image.ts';
import { cleanPhoto } from './photo-pipeline.ts';
import type { PhotoAnswer, PhotoOutcome, PhotoRequest } from './photo-worker.ts';

// Every photo is new, so libvips's operation cache (50 MB by default) could only hold memory, never save work.
sharp.cache(false);
// One libvips thread per photo whichever allocator sharp finds (it uses more under jemalloc): the server's photo
// slots bound how many photos are here at once, and so the threads and memory.
sharp.concurrency(1);

async function answer(request: PhotoRequest): Promise<PhotoOutcome<InspectedImage>> {
  const { id, bytes, type, field, maxPixels } = request;
  try {
    return {
      id,
      image: await cleanPhoto(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), type, field, maxPixels),
    };
  } catch (error) {
    if (!(error instanceof AppError))
      return { id, failed: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    const { status, code, messageKey, vars, fields } = error;
    return { id, refused: { status, code, messageKey, vars, fields } };
  }
}

process.on('message', (request: PhotoRequest) => {
  void answer(request).then((outcome) => {
    const reply: PhotoAnswer<InspectedImage> = { ...outcome, rss: process.memoryUsage.rss() };
    process.send?.(reply);
  });
});
process.on('disconnect', () => process.exit(0));
