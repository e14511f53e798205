import { Alert, Button } from 'antd';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import type { NearbyCase } from './citizenApi.ts';

/**
 * 附近已有相同问题在处理: open cases of the same kind close by, shown before sending, so one stall is not
 * reported ten times. The citizen decides; a different spot is still reported.
 */
export function NearbyNotice({
  radiusM,
  items,
  onReportAnyway,
  onCancel,
}: {
  radiusM: number;
  items: readonly NearbyCase[];
  onReportAnyway: () => void;
  onCancel: () => void;
}) {
  const t = useT();
  return (
    <Alert
      type="info"
      showIcon
      className="wm-report-notice"
      title={t('citizen.nearby.title')}
      data-testid="nearby-notice"
      description={
        <>
          <p>{t('citizen.nearby.intro', { radius: radiusM })}</p>
          <ul>
            {items.map((item) => (
              <li key={item.caseNo}>
                {t('citizen.nearby.item', {
                  caseNo: item.caseNo,
                  distance: Math.round(item.distanceM),
                  status: t(`citizen.status.${item.status}`),
                })}
                <br />
                {item.address}
              </li>
            ))}
          </ul>
          <div className="wm-result-actions">
            <Button type="primary" size="large" block onClick={onReportAnyway} data-testid="report-anyway">
              {t('citizen.nearby.reportAnyway')}
            </Button>
            <Button size="large" block onClick={onCancel} data-testid="nearby-cancel">
              {t('citizen.nearby.cancel')}
            </Button>
          </div>
        </>
      }
    />
  );
}
