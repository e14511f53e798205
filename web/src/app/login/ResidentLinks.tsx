import { Button, Typography } from 'antd';
import { useT } from '../i18n/I18nProvider.tsx';
import { installedModules } from '../installedModules.ts';

/**
 * `/` is the staff sign-in page, but residents reach it too (a poster's short address, a search result). Above the
 * form, the public pages the modules offer them (`residentLinks`: 随手拍, 查询进度) as large buttons. Plain links:
 * the browser loads the residents' own light entry for them.
 */
export function ResidentLinks() {
  const t = useT();
  const links = installedModules().flatMap((module) => module.residentLinks ?? []);
  if (links.length === 0) return null;
  return (
    <nav className="wm-resident-links" aria-labelledby="resident-links-title" data-testid="resident-links">
      <Typography.Text strong id="resident-links-title" className="wm-resident-links-title">
        {t('login.residents')}
      </Typography.Text>
      <div className="wm-resident-links-buttons">
        {links.map(({ path, label, icon: Icon }) => (
          <Button
            key={path}
            href={path}
            size="large"
            block
            icon={<Icon />}
            data-testid={`resident-link-${path.slice(1)}`}
          >
            {t(label)}
          </Button>
        ))}
      </div>
      <Typography.Text type="secondary" className="wm-resident-links-staff">
        {t('login.staffBelow')}
      </Typography.Text>
    </nav>
  );
}
