import { type Static, Type } from 'typebox';
import { recordAudit } from '../../audit/audit.ts';
import type { Ctx } from '../../context.ts';
import type { Db } from '../../db/database.ts';
import { tx } from '../../db/tx.ts';
import { S } from '../../http/schema.ts';
import type { TypedApp } from '../../module.ts';
import { readSetting, writeSetting } from '../../settings/settings.store.ts';
import type { AuthSettings } from '../auth-config.ts';

const int = (minimum: number, maximum: number) => Type.Integer({ minimum, maximum });

/** The bounds keep every choice within what 等保 assessors accept (e.g. never fewer than 8 characters). */
export const SecurityPolicySchema = S.object({
  policy: S.object({
    minLength: int(8, 64),
    maxLength: int(64, 256),
    minClasses: int(0, 4),
    maxAgeDays: int(0, 365),
    historyCount: int(0, 24),
    lockoutThreshold: int(3, 10),
    lockoutMinutes: int(5, 1440),
  }),
  absoluteHours: int(1, 12),
  ipFailureLimit: int(5, 1000),
  ipWindowMinutes: int(1, 1440),
});
type SecurityPolicy = Static<typeof SecurityPolicySchema>;

const settingKey = 'security.settings';

/** Applies the saved policy over the defaults, into the settings object the app shares (read at each request). */
export async function loadSecuritySettings(db: Db, countyCode: string, into: AuthSettings): Promise<void> {
  const saved = await readSetting<SecurityPolicy>(db, countyCode, settingKey);
  if (saved) Object.assign(into, { ...saved, policy: { ...into.policy, ...saved.policy } });
}

function current(ctx: Ctx): SecurityPolicy {
  const { policy, absoluteHours, ipFailureLimit, ipWindowMinutes } = ctx.security;
  return { policy: { ...policy }, absoluteHours, ipFailureLimit, ipWindowMinutes };
}

/** The security administrator's policy page (等保: 安全管理员 sets the security parameters). */
export function registerSecurityPolicyRoutes(app: TypedApp): void {
  const access = { permission: 'security.policy' };
  const response = { 200: SecurityPolicySchema, 400: S.error(), 401: S.error(), 403: S.error() };
  app.get('/api/admin/security-policy', { config: { access }, schema: { tags: ['admin'], summary: 'Password, lockout and session policy', response } }, async (request) =>
    current(request.ctx),
  );
  app.put(
    '/api/admin/security-policy',
    { config: { access }, schema: { tags: ['admin'], summary: 'Change the policy', body: SecurityPolicySchema, response } },
    async (request) => {
      const ctx = request.ctx;
      const before = current(ctx);
      await tx(ctx, async (t) => {
        await writeSetting(t.db, t.countyCode, settingKey, request.body, t.clock());
        await recordAudit(t, { eventType: 'security.policy', action: 'update', objectType: 'setting', objectId: settingKey, details: { before, after: request.body } });
      });
      Object.assign(ctx.security, { ...request.body, policy: { ...request.body.policy } });
      return current(ctx);
    },
  );
}
