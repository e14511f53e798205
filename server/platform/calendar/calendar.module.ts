import { builtinRoles, type RoleKey } from '../access/roles.ts';
import type { ModuleManifest } from '../module.ts';
import { calendarMessages } from './calendar.messages.ts';
import { calendarNotPersonal } from './calendar.pii.ts';
import { registerCalendarRoutes } from './calendar.routes.ts';
import { readOfficialCalendar } from './official-holidays.ts';
import { ensureOfficialCalendar } from './reference-data.ts';

export const calendarPermissions = { read: 'calendar.read', manage: 'calendar.manage' } as const;

/**
 * Everyone at work reads the calendar (deadlines are shown to every role); the campaign office (创文办) keeps it.
 * 三员 roles hold no business permissions by design (roles.ts `withGrants`), so they are left out.
 */
function calendarGrants(): Partial<Record<RoleKey, readonly string[]>> {
  const staff = builtinRoles.filter((role) => role.adminKind === null);
  const { read, manage } = calendarPermissions;
  return Object.fromEntries(staff.map((role) => [role.key, role.key === 'coordinator' ? [read, manage] : [read]]));
}

/** 工作日历: public holidays and 调休 days per county, and the working hours time limits are counted in. */
export const calendarManifest: ModuleManifest = {
  key: 'calendar',
  title: { zh: '工作日历', en: 'Working calendar' },
  routes: [registerCalendarRoutes],
  permissions: [
    { key: calendarPermissions.read, zh: '查看工作日历', en: 'Read the working calendar' },
    { key: calendarPermissions.manage, zh: '维护工作日历', en: 'Keep the working calendar' },
  ],
  grants: calendarGrants(),
  personalData: { notPersonal: calendarNotPersonal },
  messages: [calendarMessages],
  referenceData: [
    {
      name: 'calendar.official',
      version: () => readOfficialCalendar().version,
      run: async (ctx) => {
        await ensureOfficialCalendar(ctx);
      },
    },
  ],
};
