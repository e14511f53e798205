import { Flex, Typography } from 'antd';
import { Suspense } from 'react';
import { useAuth } from '../auth/AuthProvider.tsx';
import { useVisibleModules } from '../auth/permissions.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { moduleOf } from '../installedModules.ts';
import { InboxTodos } from './InboxTodos.tsx';
import { ModuleOverview } from './ModuleOverview.tsx';

/**
 * `/`: the work waiting for this person. Each module they can open adds its own card (its to-do counts and main
 * pages, `WebModule.homeCard`), then the inbox's open to-dos, then the areas without a card and those still
 * planned for their post. What the installation is (version, database) is on the system administrator's page.
 */
export function HomePage() {
  const t = useT();
  const { session } = useAuth();
  const visible = useVisibleModules();
  const cards = visible.flatMap((key) => {
    const Card = moduleOf(key)?.homeCard;
    return Card ? [{ key, Card }] : [];
  });
  const name = session.status === 'signed-in' ? session.user.displayName : '';
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={1} className="wm-page-title">
          {name ? t('home.greeting', { name }) : t('home.welcome')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" className="wm-page-intro">
          {t('home.workIntro')}
        </Typography.Paragraph>
      </div>
      {cards.map(({ key, Card }) => (
        <Suspense key={key} fallback={null}>
          <Card />
        </Suspense>
      ))}
      {session.status === 'signed-in' && <InboxTodos />}
      <ModuleOverview withoutCards={cards.map(({ key }) => key)} />
    </Flex>
  );
}
