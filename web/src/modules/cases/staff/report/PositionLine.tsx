import { AimOutlined } from '@ant-design/icons';
import { Button, Typography } from 'antd';
import { useT } from '../../../../app/i18n/I18nProvider.tsx';
import type { CaseLookups } from '../useCaseLookups.ts';
import { FieldError } from './ReportFields.tsx';
import { type FieldPosition, insideBounds } from './useFieldPosition.ts';

/** Where the phone is: locating, found (± metres, or outside the county), or refused with a retry. */
export function PositionLine(props: {
  position: FieldPosition;
  bounds: CaseLookups['places']['bounds'];
  onLocate: () => void;
  error?: string;
}) {
  const t = useT();
  const { position } = props;
  const outside = position.status === 'found' && !insideBounds(position, props.bounds);
  const text =
    position.status === 'locating'
      ? t('staffReport.position.locating')
      : position.status === 'found'
        ? t(outside ? 'staffReport.position.outside' : 'staffReport.position.found', { accuracy: position.accuracyM })
        : t(position.status === 'denied' ? 'staffReport.position.denied' : 'staffReport.position.unavailable');
  return (
    <div className="wm-staff-position">
      <Typography.Text
        type={
          position.status === 'found' && !outside ? 'success' : position.status === 'locating' ? 'secondary' : 'warning'
        }
        role="status"
        data-testid="staff-position"
      >
        {text}
      </Typography.Text>
      {position.status !== 'locating' && (
        <Button icon={<AimOutlined />} onClick={props.onLocate} data-testid="staff-locate">
          {t('staffReport.position.again')}
        </Button>
      )}
      <FieldError message={props.error} />
    </div>
  );
}
