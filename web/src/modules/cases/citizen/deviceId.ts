/** Where this browser keeps its device id. */
export const deviceIdStorageKey = 'wenming.cases.deviceId';

/** What the server takes (server: platform/delivery/public-client.ts). */
const validId = /^[A-Za-z0-9_-]{16,64}$/;

/** When storage is off (private mode, blocked), the id lives as long as the page. */
let pageId: string | undefined;

/**
 * A random id this browser keeps and sends with the citizen's reports and photo uploads (`X-Device-Id`). The
 * server counts each phone's submissions with it — many phones share one address on a mobile network — and
 * keeps each phone's idempotency keys apart. It names no person and says nothing about one.
 */
export function citizenDeviceId(): string {
  try {
    const stored = window.localStorage.getItem(deviceIdStorageKey);
    if (stored !== null && validId.test(stored)) return stored;
    const fresh = crypto.randomUUID();
    window.localStorage.setItem(deviceIdStorageKey, fresh);
    return fresh;
  } catch {
    pageId ??= crypto.randomUUID();
    return pageId;
  }
}
