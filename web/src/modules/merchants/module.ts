import { ShopOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { WebModule } from '../../app/webModule.ts';
import { merchantsEn } from './i18n/en.ts';
import { merchantsZh } from './i18n/zh.ts';

/**
 * 商户与门前三包. The registry of shops and businesses is built (issue #14); agreements and ratings follow. Open to
 * whoever reads the registry: 市场监管检查组 and 创文办 keep it, street inspectors, dispatchers and village cadres
 * look a shop up (merchants.module.ts grants).
 */
export const merchantsModule: WebModule = {
  key: 'merchants',
  area: 'business',
  icon: ShopOutlined,
  label: 'module.merchants.label',
  description: 'module.merchants.description',
  page: lazy(() => import('./index.tsx')),
  messages: { zh: merchantsZh, en: merchantsEn },
  permissions: ['merchants.read'],
};
