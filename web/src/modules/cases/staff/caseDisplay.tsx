import { Tag, Tooltip } from 'antd';
import { formatDateTime } from '../../../app/format.ts';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import type { Translate } from '../../../app/i18n/translate.ts';
import type { CaseClock, CaseStatus } from '../casesApi.ts';

/**
 * One colour per status, shared by the tags and the map's points so the legend reads the same everywhere. Each
 * carries the tag's white text at ≥ 4.5:1 (WCAG 1.4.3; axe-core in `e2e/a11y.e2e.ts`).
 */
export const statusColors: Record<CaseStatus, string> = {
  reported: '#976000',
  verifying: '#c41d7f',
  registered: '#0958d9',
  dispatched: '#2f54eb',
  handling: '#00777d',
  handled: '#722ed1',
  closed: '#237804',
  rejected: '#737373',
  duplicate: '#595959',
};

export function CaseStatusTag({ status }: { status: CaseStatus }) {
  const t = useT();
  return (
    <Tag color={statusColors[status]} data-testid="case-status">
      {t(`cases.status.${status}`)}
    </Tag>
  );
}

const minuteMs = 60_000;

/** `3天4小时`, `5小时12分`, `40分钟`: the largest two units, which is what a queue needs to sort by eye. */
export function formatDuration(ms: number, t: Translate): string {
  const minutes = Math.max(0, Math.round(Math.abs(ms) / minuteMs));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days > 0) return t('cases.duration.days', { days, hours });
  if (hours > 0) return t('cases.duration.hours', { hours, minutes: minutes % 60 });
  return t('cases.duration.minutes', { minutes });
}

/**
 * The running stage's deadline: red when overdue (by how much), grey when the clock is suspended, otherwise
 * the time left. `now` is passed in so a list renders every row against the same instant.
 */
export function CaseClockTag({ clock, now, withDue = false }: { clock: CaseClock; now: number; withDue?: boolean }) {
  const t = useT();
  if (clock.suspended) return <Tag data-testid="case-clock">{t('cases.clock.suspended')}</Tag>;
  if (!clock.dueAt) return null;
  const left = new Date(clock.dueAt).getTime() - now;
  const due = formatDateTime(clock.dueAt);
  const tag = clock.overdue ? (
    <Tag color="red" data-testid="case-clock">
      {t('cases.clock.overdue', { duration: formatDuration(left, t) })}
    </Tag>
  ) : (
    <Tag color={left < 4 * 60 * minuteMs ? '#ad4e00' : 'default'} data-testid="case-clock">
      {t('cases.clock.left', { duration: formatDuration(left, t) })}
    </Tag>
  );
  return withDue ? (
    <span>
      {tag}
      <span className="wm-case-due">{t('cases.clock.due', { time: due })}</span>
    </span>
  ) : (
    <Tooltip title={t('cases.clock.due', { time: due })}>{tag}</Tooltip>
  );
}

export function EscalationTag({ level }: { level: number }) {
  const t = useT();
  if (level <= 0) return null;
  return (
    <Tag color="#ad2102" data-testid="case-escalation">
      {t('cases.escalation.level', { level })}
    </Tag>
  );
}

export function PriorityTag({ priority }: { priority: 'normal' | 'urgent' }) {
  const t = useT();
  return priority === 'urgent' ? <Tag color="magenta">{t('cases.priority.urgent')}</Tag> : null;
}
