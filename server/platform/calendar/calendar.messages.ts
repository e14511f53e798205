import type { MessageCatalogue } from '../module.ts';

/** Working-calendar messages. Declared in the manifest; en is typed against zh's keys. */
const zh = {
  'what.calendar_day': '本县日历调整',
  'calendar.year_range': '年份应在 {min} 至 {max} 之间',
  'calendar.to_before_from': '结束时间不能早于开始时间',
  'calendar.range_too_long': '时间跨度不能超过 {years} 年',
  'calendar.periods_invalid': '工作时段应按先后排列、互不重叠，且每段开始早于结束',
  'calendar.county_only': '本县日历只能由县级管理人员调整',
} as const;

const en: Record<keyof typeof zh, string> = {
  'what.calendar_day': 'County calendar adjustment',
  'calendar.year_range': 'The year must be between {min} and {max}',
  'calendar.to_before_from': 'The end may not be before the start',
  'calendar.range_too_long': 'The span may not exceed {years} years',
  'calendar.periods_invalid': 'Working periods must be in order, must not overlap, and each must start before it ends',
  'calendar.county_only': 'Only county-level staff may adjust the county calendar',
};

export const calendarMessages = { zh, en } satisfies MessageCatalogue;
