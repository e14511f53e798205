import { Alert, Descriptions, type DescriptionsProps, Flex, Grid, Space, Tag, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { Link } from 'react-router-dom';
import { formatDateTime, noValue } from '../../../app/format.ts';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import type { Translate } from '../../../app/i18n/translate.ts';
import { RevealField } from '../../../app/pii/RevealField.tsx';
import type { CaseDetail } from '../casesApi.ts';
import { CaseClockTag, CaseStatusTag, EscalationTag, PriorityTag } from './caseDisplay.tsx';
import { casePagePath } from './CaseList.tsx';
import { tileConfig } from './map/mapConfig.ts';

// Leaflet and the map come only with a point to show over tiles: the case page's first load stays as it was.
const CaseLocationMap = lazy(() => import('./CaseLocationMap.tsx'));

/** The first thing on the case page: number, status, category and where the clock stands. */
export function CaseHeader({ detail, now }: { detail: CaseDetail; now: number }) {
  const t = useT();
  const { clock } = detail;
  return (
    <Flex vertical gap={8} data-testid="case-header">
      <Space wrap size={[8, 4]}>
        <Typography.Title level={1} className="wm-page-title wm-case-no">
          {detail.caseNo}
        </Typography.Title>
        <CaseStatusTag status={detail.status} />
        <PriorityTag priority={detail.priority} />
        <EscalationTag level={detail.escalationLevel} />
        {detail.reworkCount > 0 && <Tag color="orange">{t('cases.rework', { count: detail.reworkCount })}</Tag>}
      </Space>
      <Typography.Text>
        {detail.categoryName} <Typography.Text type="secondary">({detail.categoryCode})</Typography.Text>
      </Typography.Text>
      {clock.stage && (
        <Space wrap size={[8, 4]} data-testid="case-header-clock">
          <Typography.Text type="secondary">
            {t('cases.clock.stage', { stage: t(`cases.clockStage.${clock.stage}`) })}
          </Typography.Text>
          <CaseClockTag clock={clock} now={now} withDue />
        </Space>
      )}
      {detail.closedAt && (
        <Space wrap size={[8, 4]}>
          <Typography.Text type="secondary">
            {t('cases.closedAt', { time: formatDateTime(detail.closedAt) })}
          </Typography.Text>
          {detail.closedOnTime !== null && (
            <Tag color={detail.closedOnTime ? 'green' : 'red'}>
              {detail.closedOnTime ? t('cases.closedOnTime') : t('cases.closedLate')}
            </Tag>
          )}
        </Space>
      )}
      {detail.pendingRequest && (
        <Alert
          type="info"
          showIcon
          data-testid="case-pending-request"
          title={
            detail.pendingRequest.kind === 'extension'
              ? t('cases.pending.extension', { hours: detail.pendingRequest.hours ?? 0 })
              : t('cases.pending.suspension')
          }
          description={t('cases.pending.reason', {
            reason: detail.pendingRequest.reason,
            time: formatDateTime(detail.pendingRequest.requestedAt),
          })}
        />
      )}
    </Flex>
  );
}

/** The server's revealers for a case reporter's phone and a hotline caller's name (cases.revealers.ts). */
const reporterPhonePermission = 'pii.reveal.reporter_phone';
const callerNamePermission = 'pii.reveal.reporter_name';

const caseLink = (caseNo: string) => (
  <Link key={caseNo} to={casePagePath(caseNo)}>
    {caseNo}
  </Link>
);

/** The facts of the report and its handling, leaving out what this case does not have. */
export function CaseFacts({ detail, departmentName }: { detail: CaseDetail; departmentName: (key: string) => string }) {
  const t = useT();
  // On a phone each label sits above its value: side by side, both would wrap into narrow columns.
  const isPhone = Grid.useBreakpoint().sm === false;
  return (
    <Descriptions
      items={[...reportFacts(detail, t, departmentName), ...handlingFacts(detail, t)]}
      column={{ xs: 1, sm: 2, lg: 1, xxl: 2 }}
      size="small"
      bordered
      layout={isPhone ? 'vertical' : 'horizontal'}
      styles={{ label: { whiteSpace: 'nowrap' } }}
      data-testid="case-facts"
    />
  );
}

type Facts = NonNullable<DescriptionsProps['items']>;

function Reporter({ detail }: { detail: CaseDetail }) {
  const t = useT();
  return (
    <Space wrap size={[8, 0]}>
      {t(`cases.reporter.${detail.reporter.kind}`)}
      {detail.reporter.name && (
        <span data-testid="reporter-name">
          {t('cases.reporter.caller')}
          <RevealField
            objectType="case"
            objectId={detail.caseNo}
            field="callerName"
            permission={callerNamePermission}
            masked={detail.reporter.name}
            revealLabel={t('cases.reporter.revealName')}
          />
        </span>
      )}
      {detail.reporter.phone && (
        <RevealField
          objectType="case"
          objectId={detail.caseNo}
          field="reporterPhone"
          permission={reporterPhonePermission}
          masked={detail.reporter.phone}
        />
      )}
      {detail.reporter.smsConsent && <Tag data-testid="reporter-sms-consent">{t('cases.reporter.smsConsent')}</Tag>}
      {detail.reporter.ticketNo && (
        <Tag data-testid="reporter-ticket">
          {t('staffReport.reporter.ticket', { ticketNo: detail.reporter.ticketNo })}
        </Tag>
      )}
    </Space>
  );
}

/** What was reported, where, how and by whom, and who handles it. */
function reportFacts(detail: CaseDetail, t: Translate, departmentName: (key: string) => string): Facts {
  const point =
    detail.lng === null || detail.lat === null
      ? t('cases.fact.noPoint')
      : `${detail.lng.toFixed(6)}, ${detail.lat.toFixed(6)}`;
  return [
    { key: 'description', label: t('cases.fact.description'), children: detail.description, span: 'filled' },
    { key: 'address', label: t('cases.fact.address'), children: detail.address },
    { key: 'township', label: t('cases.fact.township'), children: detail.townshipName },
    { key: 'coordinates', label: t('cases.fact.coordinates'), children: point },
    { key: 'channel', label: t('cases.fact.channel'), children: t(`cases.channel.${detail.channel}`) },
    { key: 'reporter', label: t('cases.fact.reporter'), children: <Reporter detail={detail} /> },
    { key: 'reportedAt', label: t('cases.fact.reportedAt'), children: formatDateTime(detail.reportedAt) },
    {
      key: 'department',
      label: t('cases.fact.department'),
      children: detail.department ? departmentName(detail.department) : noValue,
    },
  ];
}

/** The facts only some cases have: area, grid, deadline, duplicates, the closing note and the rating. */
function handlingFacts(detail: CaseDetail, t: Translate): Facts {
  const items: Facts = [];
  if (detail.areaM2 !== null)
    items.push({
      key: 'area',
      label: t('cases.fact.area'),
      children: t('cases.fact.areaValue', { area: detail.areaM2 }),
    });
  if (detail.gridCode) items.push({ key: 'grid', label: t('cases.fact.grid'), children: detail.gridCode });
  if (detail.handleDueAt)
    items.push({ key: 'handleDue', label: t('cases.fact.handleDue'), children: formatDateTime(detail.handleDueAt) });
  if (detail.duplicateOf)
    items.push({ key: 'duplicateOf', label: t('cases.fact.duplicateOf'), children: caseLink(detail.duplicateOf) });
  if (detail.duplicates.length > 0)
    items.push({
      key: 'duplicates',
      label: t('cases.fact.duplicates'),
      children: <Space wrap>{detail.duplicates.map(caseLink)}</Space>,
    });
  if (detail.closingNote)
    items.push({
      key: 'closingNote',
      label: t('cases.fact.closingNote'),
      children: detail.closingNote,
      span: 'filled',
    });
  if (detail.satisfaction !== null) {
    const comment = detail.satisfactionComment ? ` · ${detail.satisfactionComment}` : '';
    items.push({
      key: 'satisfaction',
      label: t('cases.fact.satisfaction'),
      children: `${t('cases.fact.satisfactionValue', { score: detail.satisfaction })}${comment}`,
    });
  }
  return items;
}

/**
 * The case's point on a small map, where the county configured a tile service (mapConfig.ts) and the case has
 * a point; otherwise nothing, and the facts' coordinates and address say where it is.
 */
export function CasePointMap({ detail }: { detail: CaseDetail }) {
  const tiles = tileConfig();
  if (!tiles || detail.lng === null || detail.lat === null) return null;
  return (
    <Suspense fallback={null}>
      <CaseLocationMap detail={detail} point={{ lng: detail.lng, lat: detail.lat }} tiles={tiles} />
    </Suspense>
  );
}
