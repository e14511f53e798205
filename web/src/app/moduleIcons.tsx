import {
  AuditOutlined,
  CustomerServiceOutlined,
  DashboardOutlined,
  EnvironmentOutlined,
  HomeOutlined,
  LockOutlined,
  MedicineBoxOutlined,
  ProjectOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  ShopOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ComponentType } from 'react';
import type { ModuleKey } from './modules.ts';

/** One icon per module, shared by the menu, the home page and the coming-soon page. */
export const moduleIcons: Record<ModuleKey, ComponentType> = {
  dashboard: DashboardOutlined,
  cases: EnvironmentOutlined,
  merchants: ShopOutlined,
  inspections: SafetyCertificateOutlined,
  volunteers: TeamOutlined,
  courtyards: HomeOutlined,
  'service-desk': CustomerServiceOutlined,
  insurance: MedicineBoxOutlined,
  projects: ProjectOutlined,
  system: SettingOutlined,
  security: LockOutlined,
  audit: AuditOutlined,
};
