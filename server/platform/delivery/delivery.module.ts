import type { ModuleManifest } from '../module.ts';
import { idempotencyMessages } from './idempotency.ts';
import { idempotencyPurgeJob } from './idempotency-retention.ts';
import { deviceIdMessages } from './public-client.ts';
import { budgetMessages } from './request-budget.ts';

/** Delivery guarantees: the idempotency store's retention (the outbox has no jobs yet). No routes. */
export const deliveryManifest: ModuleManifest = {
  key: 'delivery',
  title: { zh: '可靠投递', en: 'Delivery' },
  jobs: [idempotencyPurgeJob],
  messages: [idempotencyMessages, budgetMessages, deviceIdMessages],
};
