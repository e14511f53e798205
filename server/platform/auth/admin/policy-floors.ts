/**
 * What the security administrator may set, and no less (等保 2.0 L3-CES1-01/-02 as assessors read it, issue #9
 * item 11): at least 8 characters of at least 3 classes, changed within 90 days, 5 earlier passwords refused,
 * a lock after at most 10 failures lasting at least 10 minutes, sessions of at most 12 hours, and a per-address
 * throttle of at most 100 failures in a window of at least 5 minutes. The China profile (password-policy.ts)
 * sits inside them. [floor, ceiling] per value; the schema and the web form use the same numbers.
 */
export const securityBounds = {
  policy: {
    minLength: [8, 64],
    maxLength: [64, 256],
    minClasses: [3, 4],
    maxAgeDays: [1, 90],
    historyCount: [5, 24],
    lockoutThreshold: [3, 10],
    lockoutMinutes: [10, 1440],
  },
  absoluteHours: [1, 12],
  ipFailureLimit: [5, 100],
  ipWindowMinutes: [5, 1440],
} as const;

type Bounds = readonly [number, number];

export interface SecurityValues {
  policy: Record<keyof typeof securityBounds.policy, number>;
  absoluteHours: number;
  ipFailureLimit: number;
  ipWindowMinutes: number;
}

const clamp = (value: number, [min, max]: Bounds) => Math.min(max, Math.max(min, value));

/**
 * A policy saved before these floors existed (or written by hand into the settings table) is lifted to them when
 * loaded, so no installation runs below them.
 */
export function liftToFloors<T extends SecurityValues>(values: T): T {
  // maxAgeDays 0 meant "never expires": the nearest allowed value is the longest expiry, not the shortest.
  const maxAgeDays = values.policy.maxAgeDays === 0 ? securityBounds.policy.maxAgeDays[1] : values.policy.maxAgeDays;
  const policy = Object.fromEntries(
    Object.entries({ ...values.policy, maxAgeDays }).map(([key, value]) => {
      const bounds = securityBounds.policy[key as keyof typeof securityBounds.policy] as Bounds | undefined;
      return [key, bounds ? clamp(value, bounds) : value];
    }),
  ) as T['policy'];
  return {
    ...values,
    policy,
    absoluteHours: clamp(values.absoluteHours, securityBounds.absoluteHours),
    ipFailureLimit: clamp(values.ipFailureLimit, securityBounds.ipFailureLimit),
    ipWindowMinutes: clamp(values.ipWindowMinutes, securityBounds.ipWindowMinutes),
  };
}
