/**
 * Times are stored in UTC and shown in China Standard Time whatever the browser's zone (DESIGN rule 6), as
 * `2026-11-29 08:30` (or with seconds), the form every Chinese office reads without ambiguity.
 */
const shanghai = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

export const noValue = '—';

export function formatDateTime(iso: string | null | undefined, withSeconds = false): string {
  if (!iso) return noValue;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return noValue;
  const part = Object.fromEntries(shanghai.formatToParts(date).map((p) => [p.type, p.value]));
  const time = `${part.hour}:${part.minute}${withSeconds ? `:${part.second}` : ''}`;
  return `${part.year}-${part.month}-${part.day} ${time}`;
}

export function formatDate(iso: string | null | undefined): string {
  return iso ? formatDateTime(iso).slice(0, 10) : noValue;
}
