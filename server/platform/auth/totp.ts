import { Secret, TOTP } from 'otpauth';

/** RFC 6238 TOTP (30 s steps, 6 digits, SHA-1 — what authenticator apps expect). */
const period = 30;

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function totpUri(secretBase32: string, account: string, issuer = '文明·炎陵'): string {
  return new TOTP({ issuer, label: account, secret: Secret.fromBase32(secretBase32), period, digits: 6 }).toString();
}

/**
 * Checks a code against the current step ±1 (clock drift) and returns the matched step, so the caller can
 * refuse a step at or before the last one accepted: each code is single-use (ASVS 2.8.4).
 */
export function matchTotpStep(secretBase32: string, code: string, now: Date): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const totp = new TOTP({ secret: Secret.fromBase32(secretBase32), period, digits: 6 });
  const delta = totp.validate({ token: code, timestamp: now.getTime(), window: 1 });
  if (delta === null) return null;
  return Math.floor(now.getTime() / 1000 / period) + delta;
}

/** The code an authenticator would show at `at` (tests and the demo's printed hint use it). */
export function totpCodeAt(secretBase32: string, at: Date): string {
  return new TOTP({ secret: Secret.fromBase32(secretBase32), period, digits: 6 }).generate({ timestamp: at.getTime() });
}
