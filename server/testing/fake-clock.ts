import type { Clock } from '../platform/context.ts';

/** A clock tests move by hand: timeouts, lockouts and SLA deadlines without waiting. */
export interface FakeClock extends Clock {
  set(at: Date | string): void;
  advance(ms: number): void;
  advanceMinutes(minutes: number): void;
}

export function fakeClock(start: Date | string = '2026-03-02T01:00:00Z'): FakeClock {
  let now = new Date(start).getTime();
  const clock = (() => new Date(now)) as FakeClock;
  clock.set = (at) => {
    now = new Date(at).getTime();
  };
  clock.advance = (ms) => {
    now += ms;
  };
  clock.advanceMinutes = (minutes) => {
    now += minutes * 60_000;
  };
  return clock;
}
