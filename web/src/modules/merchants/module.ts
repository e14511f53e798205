import { ShopOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { WebModule } from '../../app/webModule.ts';
import { merchantsEn } from './i18n/en.ts';
import { merchantsZh } from './i18n/zh.ts';

/**
 * Not built yet (no server module): shown as 规划中 only to the roles it is planned for — 市场监管检查组 and 创文办 keep the shops' 门前三包 agreements — as a page
 * that says what it will do and calls no API.
 */
export const merchantsModule: WebModule = {
  key: 'merchants',
  area: 'business',
  icon: ShopOutlined,
  label: 'module.merchants.label',
  description: 'module.merchants.description',
  page: lazy(() => import('./index.tsx')),
  messages: { zh: merchantsZh, en: merchantsEn },
  plannedFor: ['market_inspector', 'coordinator'],
};
