/**
 * The address rules of the server (server/modules/cases/public-address.ts), checked on the phone first so the
 * citizen is told on the step itself: one line, compatibility forms folded, and — without a point — enough words
 * to find the spot. Kept in step with the server by the same table of examples (addressText.test.ts).
 */

const invisible = /(?![\t\n\r])[\p{Cc}\p{Cf}]/gu;
const placeCharacter = /[\p{L}\p{N}]/gu;
const letter = /\p{L}/gu;

export const minimumPlaceCharacters = 4;

export function normaliseAddress(raw: string): string {
  return raw.replace(invisible, '').normalize('NFKC').replace(invisible, '').replace(/\s+/gu, ' ').trim();
}

/** Enough letters and digits, two of them letters: "人民路口", "炎帝大道88号" — not "88号" or "附近". */
export function describesPlace(address: string): boolean {
  const text = normaliseAddress(address);
  return (text.match(placeCharacter)?.length ?? 0) >= minimumPlaceCharacters && (text.match(letter)?.length ?? 0) >= 2;
}
