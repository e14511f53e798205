import type { PasswordPolicy } from './password-policy.ts';
import { chinaProfile } from './password-policy.ts';

/** Session and sign-in settings (等保 values are configurable; these are the recorded defaults). */
export interface AuthSettings {
  policy: PasswordPolicy;
  /** Absolute session lifetime (ASVS 3.3.2 L2: ≤ 12 h). */
  absoluteHours: number;
  /** Per-IP throttle: failures within the window before every sign-in from that address is refused. */
  ipFailureLimit: number;
  ipWindowMinutes: number;
  /** `__Host-` cookies need HTTPS; a demo over plain HTTP on a LAN address may turn this off. */
  secureCookies: boolean;
}

export const defaultAuthSettings: AuthSettings = {
  policy: chinaProfile,
  absoluteHours: 12,
  ipFailureLimit: 20,
  ipWindowMinutes: 15,
  secureCookies: true,
};

export function sessionCookieName(settings: AuthSettings): string {
  return settings.secureCookies ? '__Host-wenming_sid' : 'wenming_sid';
}

/** A private copy: the security administrator's changes mutate it, so it must not be the shared default. */
export function freshAuthSettings(overrides: Partial<AuthSettings> = {}): AuthSettings {
  return { ...defaultAuthSettings, ...overrides, policy: { ...defaultAuthSettings.policy, ...overrides.policy } };
}
