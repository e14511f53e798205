import { Alert, Space, Typography } from 'antd';
import { useT } from '../../../../app/i18n/I18nProvider.tsx';
import { type CaseListItem, caseStatuses } from '../../casesApi.ts';
import { markerSvg } from './statusMarkers.ts';

/** What each marker means — the same colour and shape as on the map — with how many of each, and what the plain map does not show. */
export function MapLegend({ cases, withTiles }: { cases: CaseListItem[]; withTiles: boolean }) {
  const t = useT();
  const shown = caseStatuses
    .map((status) => ({ status, count: cases.filter((c) => c.status === status).length }))
    .filter((s) => s.count > 0);
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }} data-testid="map-legend">
      <Typography.Text type="secondary">{t('cases.map.legendTitle')}</Typography.Text>
      <Space wrap size={[16, 4]}>
        {shown.map(({ status, count }) => (
          <span key={status} className="wm-legend-item" data-testid={`map-legend-${status}`}>
            <LegendSwatch svg={markerSvg(status, 18)} />
            {t('cases.map.legendItem', { status: t(`cases.status.${status}`), count })}
          </span>
        ))}
        <span className="wm-legend-item">
          <span className="wm-legend-dot wm-legend-dot-overdue" aria-hidden="true" />
          {t('cases.map.legendOverdue')}
        </span>
      </Space>
      {!withTiles && (
        <Alert
          type="info"
          showIcon
          title={t('cases.map.noOutline')}
          description={t('cases.map.noOutlineHint')}
          data-testid="map-no-outline"
        />
      )}
      {!withTiles && <Typography.Text type="secondary">{t('cases.map.noTiles')}</Typography.Text>}
    </Space>
  );
}

/** The marker as drawn on the map (an SVG this module builds itself: no user text in it). */
function LegendSwatch({ svg }: { svg: string }) {
  return (
    <span
      className="wm-legend-swatch"
      aria-hidden="true"
      // biome-ignore lint/security/noDangerouslySetInnerHtml: statusMarkers.ts builds it from constants.
      dangerouslySetInnerHTML={{ __html: svg }}
    />
  );
}
