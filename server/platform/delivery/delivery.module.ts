import type { ModuleManifest } from '../module.ts';
import { idempotencyPurgeJob } from './idempotency-retention.ts';

/** Delivery guarantees: the idempotency store's retention (the outbox has no jobs yet). No routes. */
export const deliveryManifest: ModuleManifest = {
  key: 'delivery',
  jobs: [idempotencyPurgeJob],
};
