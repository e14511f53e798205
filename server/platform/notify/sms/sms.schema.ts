import { type Static, Type } from 'typebox';
import { smsStatuses } from '../../../db/schema/notify-sms.ts';
import { S } from '../../http/schema.ts';

const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const instant = Type.String({ format: 'date-time' });

export const SmsListQuery = S.object({
  status: Type.Optional(S.literals(smsStatuses)),
  ...S.page(),
});
export type SmsListQueryInput = Static<typeof SmsListQuery>;

export const SmsIdParams = S.object({ id: Type.String({ format: 'uuid' }) });

/** One SMS as the operator sees it: the phone masked, the template by key and code, never the parameters. */
export const SmsDeliverySchema = Type.Object({
  id: Type.String(),
  template: Type.String({ description: 'registry key, e.g. cases.accepted' }),
  templateCode: Type.String({ description: "the provider's template id" }),
  phone: Type.String({ description: 'masked, 138****5678' }),
  subject: Type.Object({ type: Type.String(), id: Type.String() }),
  status: S.literals(smsStatuses),
  attempts: Type.Integer({ minimum: 0 }),
  nextAttemptAt: nullable(instant),
  lastError: nullable(Type.String()),
  providerMessageId: nullable(Type.String()),
  createdAt: instant,
  sentAt: nullable(instant),
});
export type SmsDeliveryDto = Static<typeof SmsDeliverySchema>;

export const SmsListSchema = Type.Object({
  gateway: Type.String({ description: "the configured gateway: 'local' is the stand-in, which sends nothing" }),
  items: Type.Array(SmsDeliverySchema),
  total: Type.Integer({ minimum: 0 }),
  page: Type.Integer({ minimum: 1 }),
  pageSize: Type.Integer({ minimum: 1 }),
});
export type SmsListDto = Static<typeof SmsListSchema>;
