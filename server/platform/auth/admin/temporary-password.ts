import { randomInt } from 'node:crypto';

// No look-alikes (0/O, 1/l/I) because the password is read out or copied by hand to the new user.
const upper = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const lower = 'abcdefghijkmnpqrstuvwxyz';
const digits = '23456789';
const symbols = '#%+=@';
const all = upper + lower + digits + symbols;

/** A one-time password that satisfies every composition rule; the user must change it at first sign-in. */
export function temporaryPassword(length = 14): string {
  const chars = [pick(upper), pick(lower), pick(digits), pick(symbols)];
  while (chars.length < length) chars.push(pick(all));
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}

function pick(alphabet: string): string {
  return alphabet[randomInt(alphabet.length)]!;
}
