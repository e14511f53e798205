/**
 * Where a photo was taken, from its EXIF GPS tags, when the phone wrote them (gallery pictures usually
 * carry them; some camera captures do not). It is a fallback for people who refuse the browser's location
 * prompt. The EXIF reader is loaded only when a photo is chosen, so the page itself stays light.
 */
export async function photoPosition(file: Blob): Promise<{ lng: number; lat: number } | null> {
  try {
    const { gps } = await import('exifr');
    const found = await gps(file);
    if (!found || !Number.isFinite(found.longitude) || !Number.isFinite(found.latitude)) return null;
    return { lng: found.longitude, lat: found.latitude };
  } catch {
    // No EXIF, an unreadable file or a format exifr does not know: simply no position.
    return null;
  }
}
