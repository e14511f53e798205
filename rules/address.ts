/**
 * The address a citizen types (Open311's `address_string`): the only way an inspector finds the spot when the
 * phone gave no position. Typed on phones, it arrives with full-width digits and spaces (IME input), pasted
 * zero-width characters and stray line breaks; it is stored the way staff read and search it.
 *
 * One rule for both sides: the server applies it to every report (cases/public-report.ts) and the residents' form
 * applies it on the phone first (citizen/reportDraft.ts), so the citizen is told on the step itself and the phone
 * can never let through what the server refuses.
 */

/**
 * Invisible characters pasted along with text: control characters other than tab and line breaks (those become a
 * space), and format characters (zero-width space and joiners, word joiner, BOM, soft hyphen, direction marks).
 */
const invisible = /(?![\t\n\r])[\p{Cc}\p{Cf}]/gu;

/**
 * One line, compatibility forms folded (NFKC: "８８号" → "88号", the ideographic space → " "), whitespace runs
 * collapsed to one space, trimmed. Idempotent: normalising twice changes nothing.
 */
export function normaliseAddress(raw: string): string {
  return raw.replace(invisible, '').normalize('NFKC').replace(invisible, '').replace(/\s+/gu, ' ').trim();
}

/** Letters (every script: 汉字 count one each) and digits: what names a road, a number, a landmark. */
const placeCharacter = /[\p{L}\p{N}]/gu;
const letter = /\p{L}/gu;

/** Without a point, this many letters and digits at least, two of them letters: "人民路口", "炎帝大道88号". */
export const minimumPlaceCharacters = 4;

/**
 * Whether the words alone can lead someone to the spot: enough letters and digits, some of them letters — not
 * "88", "附近" or punctuation. Only asked of reports without a point; with one, any words help.
 */
export function describesPlace(address: string): boolean {
  const characters = address.match(placeCharacter)?.length ?? 0;
  const letters = address.match(letter)?.length ?? 0;
  return characters >= minimumPlaceCharacters && letters >= 2;
}
