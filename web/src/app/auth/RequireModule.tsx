import { Result } from 'antd';
import type { ReactNode } from 'react';
import { BackHomeButton } from '../BackHomeButton.tsx';
import { useT } from '../i18n/I18nProvider.tsx';
import type { ModuleKey } from '../modules.ts';
import { useVisibleModules } from './permissions.ts';

/** A module's page for those who may open it; a typed-in address to another module gets a plain refusal. */
export function RequireModule({ module, children }: { module: ModuleKey; children: ReactNode }) {
  const t = useT();
  const visible = useVisibleModules();
  if (visible.includes(module)) return children;
  return (
    <Result
      status="403"
      title={t('forbidden.title')}
      subTitle={t('forbidden.description')}
      extra={<BackHomeButton />}
      data-testid="forbidden"
    />
  );
}
