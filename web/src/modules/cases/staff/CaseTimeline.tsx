import { Grid, Timeline, Typography } from 'antd';
import { formatDateTime } from '../../../app/format.ts';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { isMessageKey, type Translate } from '../../../app/i18n/translate.ts';
import type { CaseEvent } from '../casesApi.ts';

function eventLabel(action: string, t: Translate): string {
  const key = `cases.event.${action}`;
  return isMessageKey(key) ? t(key) : action;
}

/** The facts a timeline entry carries beyond its note, in words (department, level, hours, decision, distance). */
function eventFacts(event: CaseEvent, t: Translate, departmentName: (key: string) => string): string[] {
  return [...movementFacts(event, t, departmentName), ...outcomeFacts(event, t)];
}

/** Where the case went: department, merge target, escalation rung. */
function movementFacts(event: CaseEvent, t: Translate, departmentName: (key: string) => string): string[] {
  const d = event.details;
  const facts: string[] = [];
  if (event.action === 'dispatch' && typeof d.department === 'string')
    facts.push(t('cases.eventFact.department', { name: departmentName(d.department) }));
  if (event.action === 'return' && typeof d.department === 'string')
    facts.push(t('cases.eventFact.fromDepartment', { name: departmentName(d.department) }));
  if (event.action === 'merge' && typeof d.duplicateOf === 'string')
    facts.push(t('cases.eventFact.duplicateOf', { caseNo: d.duplicateOf }));
  if (event.action === 'escalate' && typeof d.level === 'number')
    facts.push(t(d.automatic === true ? 'cases.eventFact.autoLevel' : 'cases.eventFact.level', { level: d.level }));
  return facts;
}

/** What a step produced: hours asked, the decision, where the check was made, photos, the rating. */
function outcomeFacts(event: CaseEvent, t: Translate): string[] {
  const d = event.details;
  const facts: string[] = [];
  if (typeof d.hours === 'number' && (event.action === 'request_extension' || event.action === 'decide_request'))
    facts.push(t('cases.eventFact.hours', { hours: d.hours }));
  if (event.action === 'decide_request' && (d.decision === 'approved' || d.decision === 'refused'))
    facts.push(t(`cases.eventFact.${d.decision}`));
  if (typeof d.distanceFromCaseM === 'number')
    facts.push(t('cases.eventFact.distance', { meters: d.distanceFromCaseM }));
  if (typeof d.photos === 'number' && d.photos > 0) facts.push(t('cases.eventFact.photos', { count: d.photos }));
  if (event.action === 'rate' && typeof d.score === 'number')
    facts.push(t('cases.eventFact.score', { score: d.score }));
  return facts;
}

/** 处理过程: every step of the case with who, when (China time), the status it moved between and the note. */
export function CaseTimeline({
  events,
  departmentName,
}: {
  events: CaseEvent[];
  departmentName: (key: string) => string;
}) {
  const t = useT();
  // On a phone the time goes above each entry: a time column would take half the width.
  const isPhone = Grid.useBreakpoint().sm === false;
  const items = [...events]
    .sort((a, b) => a.seq - b.seq)
    .map((event) => {
      const moved = event.fromStatus !== null && event.toStatus !== null && event.fromStatus !== event.toStatus;
      const facts = eventFacts(event, t, departmentName);
      return {
        key: event.seq,
        color: ['verify_fail', 'reject', 'refute_report', 'escalate'].includes(event.action)
          ? 'red'
          : event.toStatus === 'closed'
            ? 'green'
            : 'blue',
        title: isPhone ? undefined : formatDateTime(event.at),
        content: (
          <div data-testid={`case-event-${event.seq}`}>
            {isPhone && <div className="wm-case-event-time">{formatDateTime(event.at)}</div>}
            <Typography.Text strong>{eventLabel(event.action, t)}</Typography.Text>
            <Typography.Text type="secondary"> · {event.actor}</Typography.Text>
            {moved && (
              <div className="wm-case-event-line">
                {t('cases.timeline.moved', {
                  from: t(`cases.status.${event.fromStatus!}`),
                  to: t(`cases.status.${event.toStatus!}`),
                })}
              </div>
            )}
            {facts.length > 0 && <div className="wm-case-event-line">{facts.join(t('cases.listSeparator'))}</div>}
            {event.note && <div className="wm-case-event-note">{event.note}</div>}
          </div>
        ),
      };
    });
  return <Timeline items={items} data-testid="case-timeline" />;
}
