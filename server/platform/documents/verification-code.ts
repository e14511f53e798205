import { randomBytes } from 'node:crypto';

/** RFC 4648 base32, lower case: no 0/1/8/9, so a code read aloud or typed from paper has no O/0 or I/1 mix-up. */
const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';

/** 20 random bytes = 160 bits: 32 base32 characters, beyond guessing at any request rate (≥ 128 bits asked). */
export const codeBytes = 20;
export const codeLength = (codeBytes * 8) / 5;

const codePattern = new RegExp(`^[${alphabet}]{${codeLength}}$`);

export function base32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  return out;
}

/** A new verification code from the system's CSPRNG. */
export function newVerificationCode(random: (size: number) => Uint8Array = randomBytes): string {
  return base32(random(codeBytes));
}

/** The printed form: groups of four, so a person can copy it from paper ('abcd-efgh-…'). */
export function groupedCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}

/**
 * A code as typed or scanned, back to its canonical form: case and the printed dashes or spaces do not matter.
 * Anything else (wrong length, letters outside the alphabet, a path, a very long string) is `null`, which the
 * verification route answers 404 like an unknown code: a malformed code tells nothing either.
 */
export function parseVerificationCode(input: string): string | null {
  if (input.length > 64) return null;
  const canonical = input.replace(/[-\s]/g, '').toLowerCase();
  return codePattern.test(canonical) ? canonical : null;
}
