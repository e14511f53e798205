import { BarChartOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useCan } from '../../../../app/auth/permissions.ts';
import { useT } from '../../../../app/i18n/I18nProvider.tsx';
import { modulePath } from '../../../../app/modules.ts';

/** Where 综合评价 lives; the staff home links here for the campaign office. */
export const evaluationPath = () => `${modulePath('cases')}/evaluation`;

/** The way from the work queues to 综合评价, for those who may open it. */
export function OpenEvaluationButton() {
  const t = useT();
  const can = useCan();
  const navigate = useNavigate();
  if (!can('cases.evaluate')) return null;
  return (
    <Button icon={<BarChartOutlined />} onClick={() => navigate(evaluationPath())} data-testid="case-open-evaluation">
      {t('cases.eval.open')}
    </Button>
  );
}
