import { useT } from '../../../app/i18n/I18nProvider.tsx';
import type { NearbyCase } from './citizenApi.ts';
import { Notice } from './Notice.tsx';

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
    <Notice
      tone="info"
      role="status"
      className="wm-report-notice"
      title={t('citizen.nearby.title')}
      data-testid="nearby-notice"
    >
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
        <button
          type="button"
          className="wm-button wm-button-primary wm-button-block"
          onClick={onReportAnyway}
          data-testid="report-anyway"
        >
          {t('citizen.nearby.reportAnyway')}
        </button>
        <button type="button" className="wm-button wm-button-block" onClick={onCancel} data-testid="nearby-cancel">
          {t('citizen.nearby.cancel')}
        </button>
      </div>
    </Notice>
  );
}
