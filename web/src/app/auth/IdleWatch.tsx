import { useEffect } from 'react';

/** What counts as someone being at the screen. */
const activityEvents = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;
const checkEveryMs = 15_000;

/**
 * Ends the session after `minutes` without keyboard, mouse or touch (等保: session lock after inactivity), so a
 * screen left open at a front desk does not keep showing people's data until someone clicks. The server
 * enforces the same limit on its side; this only makes the browser notice without waiting for a request.
 */
export function IdleWatch({ minutes, onIdle }: { minutes: number; onIdle: () => void }) {
  useEffect(() => {
    let lastActivity = Date.now();
    const markActive = () => {
      lastActivity = Date.now();
    };
    for (const event of activityEvents) window.addEventListener(event, markActive, { passive: true, capture: true });
    const timer = window.setInterval(() => {
      if (Date.now() - lastActivity >= minutes * 60_000) {
        window.clearInterval(timer);
        onIdle();
      }
    }, checkEveryMs);
    return () => {
      window.clearInterval(timer);
      for (const event of activityEvents) window.removeEventListener(event, markActive, { capture: true });
    };
  }, [minutes, onIdle]);
  return null;
}
