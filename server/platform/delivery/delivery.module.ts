import type { ModuleManifest } from '../module.ts';
import { idempotencyPurgeJob } from './idempotency-retention.ts';

/** Delivery guarantees: the idempotency store's retention (the outbox has no jobs yet). No routes. */
export const deliveryManifest: ModuleManifest = {
  key: 'delivery',
  title: { zh: '可靠投递', en: 'Delivery' },
  jobs: [idempotencyPurgeJob],
};
