/**
 * Input clean-up shared by the validators. People type codes with a Chinese IME switched to full-width
 * (４３０２２５…, ＋８６) and paste them with spaces or dashes; none of that should make a correct code fail.
 */

const FULL_WIDTH_FIRST = 0xff01; // ！ — the full-width block mirrors ASCII 0x21–0x7e
const FULL_WIDTH_LAST = 0xff5e; // ～
const FULL_WIDTH_OFFSET = 0xfee0;
const IDEOGRAPHIC_SPACE = 0x3000;

/** Hyphen, dashes and minus signs that word processors and IMEs substitute for '-'. */
const dashLike = /[\u2010-\u2015\u2212\ufe58\ufe63]/g;

/**
 * Full-width ASCII → ASCII and typographic dashes → '-'. Deliberately not NFKC: NFKC also turns ①, ² and
 * ligatures into digits and letters, which would let visibly wrong input pass.
 */
export function toHalfWidth(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code >= FULL_WIDTH_FIRST && code <= FULL_WIDTH_LAST) out += String.fromCodePoint(code - FULL_WIDTH_OFFSET);
    else if (code === IDEOGRAPHIC_SPACE) out += ' ';
    else out += char;
  }
  return out.replace(dashLike, '-');
}

/**
 * The compact form of a code: half-width, with whitespace and the given separator characters removed.
 * `null` when the input is not a string at all (validators accept `unknown` so request data can go straight in).
 */
export function compactCode(input: unknown, separators = ''): string | null {
  if (typeof input !== 'string') return null;
  const half = toHalfWidth(input);
  let out = '';
  for (const char of half) {
    if (/\s/.test(char) || separators.includes(char)) continue;
    out += char;
  }
  return out;
}
