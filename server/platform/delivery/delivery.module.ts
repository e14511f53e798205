import type { AppModule } from '../module.ts';
import { idempotencyPurgeJob } from './idempotency-retention.ts';

/** Delivery guarantees: the idempotency store's retention (the outbox has no jobs yet). No routes. */
export const deliveryModule: AppModule = {
  key: 'delivery',
  jobs: [idempotencyPurgeJob],
};
