import { Type } from 'typebox';
import { S } from '../http/schema.ts';
import type { TypedApp } from '../module.ts';
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

export function registerCalendarRoutes(app: TypedApp): void {
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
