import { ShopOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { WebModule } from '../../app/webModule.ts';
import { merchantsEn } from './i18n/en.ts';
import { merchantsZh } from './i18n/zh.ts';

/** Not built yet: the shell shows what it will do and that it is coming. */
export const merchantsModule: WebModule = {
  key: 'merchants',
  area: 'business',
  icon: ShopOutlined,
  label: 'module.merchants.label',
  description: 'module.merchants.description',
  page: lazy(() => import('./index.tsx')),
  messages: { zh: merchantsZh, en: merchantsEn },
};
