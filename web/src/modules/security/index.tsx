import { ComingSoon } from '../../app/ComingSoon.tsx';

/** 安全管理 (三员: security administrator) — the security issue replaces this page. */
export default function SecurityAdminPage() {
  return <ComingSoon module="security" />;
}
