// Photos on the phone, before they are sent: a 12-megapixel photo is scaled down (at most
// MAX_SIDE pixels on its long side, JPEG, about 1 MB) so that it goes over a phone network, and
// its GPS position is read first (exifr, loaded only when a photo is chosen), since scaling drops
// the metadata. The server strips metadata from what it keeps anyway.

export const MAX_SIDE = 2560;
const QUALITY = 0.82;
/** Files this small (and no larger than MAX_SIDE) are sent as they are. */
const SMALL_BYTES = 1024 * 1024;

export interface PreparedPhoto {
  blob: Blob;
  name: string;
  width: number;
  height: number;
  /** The GPS position the photo carried, if any. */
  position: { lat: number; lon: number } | null;
}

async function positionOf(file: Blob): Promise<{ lat: number; lon: number } | null> {
  try {
    const { gps } = await import('exifr/dist/mini.esm.mjs');
    const found = await gps(file);
    if (found && Number.isFinite(found.latitude) && Number.isFinite(found.longitude)) {
      return { lat: found.latitude, lon: found.longitude };
    }
  } catch {
    // No EXIF, or not a JPEG/HEIC the reader knows: no position.
  }
  return null;
}

/** Reads the position of `file` and scales it down when it is too large to send as it is. */
export async function preparePhoto(file: File): Promise<PreparedPhoto> {
  const position = await positionOf(file);
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  const { width, height } = bitmap;
  const scale = Math.min(1, MAX_SIDE / Math.max(width, height));
  const name = file.name.replace(/\.[^.]*$/, '') || 'photo';
  if (scale === 1 && file.size <= SMALL_BYTES && /^image\/(jpeg|png|webp)$/.test(file.type)) {
    bitmap.close();
    return { blob: file, name: file.name || `${name}.jpg`, width, height, position };
  }
  const w = Math.round(width * scale);
  const h = Math.round(height * scale);
  const canvas = new OffscreenCanvas(w, h);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas');
  context.drawImage(bitmap, 0, 0, w, h);
  bitmap.close();
  const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: QUALITY });
  return { blob, name: `${name}.jpg`, width: w, height: h, position };
}
