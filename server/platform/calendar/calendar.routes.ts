import { Type } from 'typebox';
import { defineRoute, registerRoutes } from '../http/define-route.ts';
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
const read = { permission: 'calendar.read' };
const manage = { permission: 'calendar.manage' };

const readYear = defineRoute({
  method: 'GET',
  url: '/api/calendar',
  summary: "A year of the county's working calendar",
  tags,
  access: read,
  schema: { querystring: CalendarYearQuery, response: { 200: CalendarYearSchema } },
  handler: async (request) => calendarYear(request.ctx, request.query.year),
});

const setDay = defineRoute({
  method: 'PUT',
  url: '/api/calendar/days/:date',
  summary: 'Make a day a holiday or a working day for this county',
  tags,
  access: manage,
  schema: { params: CalendarDayParams, body: SetCalendarDayBody, response: { 200: CalendarDaySchema } },
  handler: async (request) => setLocalDay(request.ctx, request.params.date, request.body),
});

const clearDay = defineRoute({
  method: 'DELETE',
  url: '/api/calendar/days/:date',
  summary: "Remove the county's own entry for a day",
  tags,
  access: manage,
  schema: { params: CalendarDayParams, response: { 204: Type.Null() } },
  handler: async (request, reply) => {
    await clearLocalDay(request.ctx, request.params.date);
    return reply.code(204).send(null);
  },
});

const setHours = defineRoute({
  method: 'PUT',
  url: '/api/calendar/working-hours',
  summary: 'Set the daily working hours',
  tags,
  access: manage,
  schema: { body: WorkingHoursSchema, response: { 200: WorkingHoursSchema } },
  handler: async (request) => setWorkingHours(request.ctx, request.body),
});

const workingTime = defineRoute({
  method: 'GET',
  url: '/api/calendar/working-time',
  summary: 'Working minutes between two instants',
  tags,
  access: read,
  schema: { querystring: WorkingTimeQuery, response: { 200: WorkingTimeSchema } },
  handler: async (request) => {
    const from = new Date(request.query.from);
    const to = new Date(request.query.to);
    return { from: from.toISOString(), to: to.toISOString(), minutes: await workingTimeBetween(request.ctx, from, to) };
  },
});

/** The working calendar: read by staff whose work has deadlines, kept by whoever manages the county's calendar. */
export function registerCalendarRoutes(app: TypedApp): void {
  registerRoutes(app, [readYear, setDay, clearDay, setHours, workingTime]);
}
