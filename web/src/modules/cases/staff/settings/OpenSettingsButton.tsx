import { SettingOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useCan } from '../../../../app/auth/permissions.ts';
import { useT } from '../../../../app/i18n/I18nProvider.tsx';
import { modulePath } from '../../../../app/modules.ts';

/** Where the campaign office sets the loop (核实 per source). */
export const settingsPath = () => `${modulePath('cases')}/settings`;

/** The way from the work list to the case settings, for those who may change them. */
export function OpenSettingsButton() {
  const t = useT();
  const can = useCan();
  const navigate = useNavigate();
  if (!can('cases.configure')) return null;
  return (
    <Button icon={<SettingOutlined />} onClick={() => navigate(settingsPath())} data-testid="case-open-settings">
      {t('cases.settings.open')}
    </Button>
  );
}
