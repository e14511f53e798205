import type { NotPersonalColumn } from '../pii/pii-field.ts';

/** Reviewed (PI-01): the column name matches a personal-data pattern; its contents are not about a person. */
export const calendarNotPersonal: readonly NotPersonalColumn[] = [
  { table: 'calendar_day', column: 'name', reason: '节假日或调休的名称（春节、国庆节调休、县庆），不是人名' },
];
