import QRCode from 'qrcode';

/**
 * The verification URL as a QR code PNG: error correction M (15 %: a crease or a stamp's edge over it still
 * scans), a two-module quiet zone, 6 px per module (about 200 px, sharp at the 20 mm it is printed).
 */
export function qrPng(url: string): Promise<Buffer> {
  return QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 2, scale: 6 });
}
