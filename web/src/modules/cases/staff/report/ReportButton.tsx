import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useAuth } from '../../../../app/auth/AuthProvider.tsx';
import { sessionPermissions } from '../../../../app/auth/permissions.ts';
import { useT } from '../../../../app/i18n/I18nProvider.tsx';
import { modulePath } from '../../../../app/modules.ts';

/** 上报, for everyone who holds `cases.report` (the page adapts to 热线受理); nothing for anyone else. */
export function ReportButton() {
  const t = useT();
  const navigate = useNavigate();
  const { session } = useAuth();
  if (!sessionPermissions(session).has('cases.report')) return null;
  return (
    <Button
      type="primary"
      icon={<PlusOutlined />}
      onClick={() => navigate(`${modulePath('cases')}/report`)}
      data-testid="case-report-open"
    >
      {t('staffReport.open')}
    </Button>
  );
}
