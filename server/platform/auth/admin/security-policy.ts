import { type Static, Type } from 'typebox';
import { recordAudit } from '../../audit/audit.ts';
import type { Ctx } from '../../context.ts';
import type { Db } from '../../db/database.ts';
import { tx } from '../../db/tx.ts';
import { S } from '../../http/schema.ts';
import type { TypedApp } from '../../module.ts';
import { readSetting, writeSetting } from '../../settings/settings.store.ts';
import type { AuthSettings } from '../auth-config.ts';
import { liftToFloors, securityBounds } from './policy-floors.ts';

const int = ([minimum, maximum]: readonly [number, number]) => Type.Integer({ minimum, maximum });
const floors = securityBounds.policy;

/** Every value within its 等保 floor and ceiling (policy-floors.ts): below a floor is a field error. */
export const SecurityPolicySchema = S.object({
  policy: S.object({
    minLength: int(floors.minLength),
    maxLength: int(floors.maxLength),
    minClasses: int(floors.minClasses),
    maxAgeDays: int(floors.maxAgeDays),
    historyCount: int(floors.historyCount),
    lockoutThreshold: int(floors.lockoutThreshold),
    lockoutMinutes: int(floors.lockoutMinutes),
  }),
  absoluteHours: int(securityBounds.absoluteHours),
  ipFailureLimit: int(securityBounds.ipFailureLimit),
  ipWindowMinutes: int(securityBounds.ipWindowMinutes),
});
type SecurityPolicy = Static<typeof SecurityPolicySchema>;

const settingKey = 'security.settings';

/**
 * Applies the saved policy over the defaults, into the settings object the app shares (read at each request),
 * lifted to the floors: a value saved before they existed does not weaken the installation.
 */
export async function loadSecuritySettings(db: Db, countyCode: string, into: AuthSettings): Promise<void> {
  const saved = await readSetting<SecurityPolicy>(db, countyCode, settingKey);
  if (!saved) return;
  const { policy, absoluteHours, ipFailureLimit, ipWindowMinutes } = into;
  const lifted = liftToFloors({
    policy: { ...policy, ...saved.policy },
    absoluteHours,
    ipFailureLimit,
    ipWindowMinutes,
    ...pickSession(saved),
  });
  Object.assign(into, lifted);
}

function pickSession(saved: Partial<SecurityPolicy>) {
  const { absoluteHours, ipFailureLimit, ipWindowMinutes } = saved;
  return Object.fromEntries(
    Object.entries({ absoluteHours, ipFailureLimit, ipWindowMinutes }).filter(([, v]) => typeof v === 'number'),
  );
}

function current(ctx: Ctx): SecurityPolicy {
  const { policy, absoluteHours, ipFailureLimit, ipWindowMinutes } = ctx.security;
  return { policy: { ...policy }, absoluteHours, ipFailureLimit, ipWindowMinutes };
}

/** The security administrator's policy page (等保: 安全管理员 sets the security parameters). */
export function registerSecurityPolicyRoutes(app: TypedApp): void {
  const access = { permission: 'security.policy' };
  const response = { 200: SecurityPolicySchema, 400: S.error(), 401: S.error(), 403: S.error() };
  app.get(
    '/api/admin/security-policy',
    { config: { access }, schema: { tags: ['admin'], summary: 'Password, lockout and session policy', response } },
    async (request) => current(request.ctx),
  );
  app.put(
    '/api/admin/security-policy',
    {
      config: { access },
      schema: { tags: ['admin'], summary: 'Change the policy', body: SecurityPolicySchema, response },
    },
    async (request) => {
      const ctx = request.ctx;
      const before = current(ctx);
      await tx(ctx, async (t) => {
        await writeSetting(t.db, t.countyCode, settingKey, request.body, t.clock());
        await recordAudit(t, {
          eventType: 'security.policy',
          action: 'update',
          objectType: 'setting',
          objectId: settingKey,
          details: { before, after: request.body },
        });
      });
      Object.assign(ctx.security, { ...request.body, policy: { ...request.body.policy } });
      return current(ctx);
    },
  );
}
