import { ComingSoon } from '../../app/ComingSoon.tsx';

/** 审计管理 (三员: audit administrator) — the audit issue replaces this page. */
export default function AuditAdminPage() {
  return <ComingSoon module="audit" />;
}
