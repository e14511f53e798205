import { Type } from 'typebox';
import { builtinRoles, type RoleKey } from '../access/roles.ts';
import { S } from '../http/schema.ts';
import type { AppModule, TypedApp } from '../module.ts';
import './calendar.pii.ts';
import {
  CalendarDayParams,
  CalendarDaySchema,
  CalendarYearQuery,
  CalendarYearSchema,
  SetCalendarDayBody,
  WorkingHoursSchema,
  WorkingTimeQuery,
  WorkingTimeSchema,
} from './calendar.schema.ts';
import { calendarYear, clearLocalDay, setLocalDay, setWorkingHours, workingTimeBetween } from './calendar.service.ts';

const tags = ['calendar'];
const errors = { 400: S.error(), 401: S.error(), 403: S.error(), 404: S.error() };
const read = { permission: 'calendar.read' };
const manage = { permission: 'calendar.manage' };

/**
 * Everyone at work reads the calendar (deadlines are shown to every role); the campaign office (创文办) keeps it.
 * 三员 roles hold no business permissions by design (roles.ts `withGrants`), so they are left out.
 */
function calendarGrants(): Partial<Record<RoleKey, readonly string[]>> {
  const staff = builtinRoles.filter((role) => role.adminKind === null);
  return Object.fromEntries(
    staff.map((role) => [
      role.key,
      role.key === 'coordinator' ? [read.permission, manage.permission] : [read.permission],
    ]),
  );
}

function registerCalendarRoutes(app: TypedApp): void {
  app.get(
    '/api/calendar',
    {
      config: { access: read },
      schema: {
        tags,
        summary: "A year of the county's working calendar",
        querystring: CalendarYearQuery,
        response: { 200: CalendarYearSchema, ...errors },
      },
    },
    async (request) => calendarYear(request.ctx, request.query.year),
  );

  app.put(
    '/api/calendar/days/:date',
    {
      config: { access: manage },
      schema: {
        tags,
        summary: 'Make a day a holiday or a working day for this county',
        params: CalendarDayParams,
        body: SetCalendarDayBody,
        response: { 200: CalendarDaySchema, ...errors },
      },
    },
    async (request) => setLocalDay(request.ctx, request.params.date, request.body),
  );

  app.delete(
    '/api/calendar/days/:date',
    {
      config: { access: manage },
      schema: {
        tags,
        summary: "Remove the county's own entry for a day",
        params: CalendarDayParams,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      await clearLocalDay(request.ctx, request.params.date);
      return reply.code(204).send(null);
    },
  );

  app.put(
    '/api/calendar/working-hours',
    {
      config: { access: manage },
      schema: {
        tags,
        summary: 'Set the daily working hours',
        body: WorkingHoursSchema,
        response: { 200: WorkingHoursSchema, ...errors },
      },
    },
    async (request) => setWorkingHours(request.ctx, request.body),
  );

  app.get(
    '/api/calendar/working-time',
    {
      config: { access: read },
      schema: {
        tags,
        summary: 'Working minutes between two instants',
        querystring: WorkingTimeQuery,
        response: { 200: WorkingTimeSchema, ...errors },
      },
    },
    async (request) => {
      const from = new Date(request.query.from);
      const to = new Date(request.query.to);
      return {
        from: from.toISOString(),
        to: to.toISOString(),
        minutes: await workingTimeBetween(request.ctx, from, to),
      };
    },
  );
}

/** 工作日历: public holidays and 调休 days per county, and the working hours time limits are counted in. */
export const calendarModule: AppModule = {
  key: 'calendar',
  grants: calendarGrants(),
  routes: registerCalendarRoutes,
};
