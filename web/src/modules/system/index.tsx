import { ComingSoon } from '../../app/ComingSoon.tsx';

/** 系统管理 (三员: system administrator) — the administration issue replaces this page. */
export default function SystemAdminPage() {
  return <ComingSoon module="system" />;
}
