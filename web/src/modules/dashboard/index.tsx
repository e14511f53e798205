import { ComingSoon } from '../../app/ComingSoon.tsx';

/** 数据看板 — the dashboard and work briefing issue replaces this page. */
export default function DashboardPage() {
  return <ComingSoon module="dashboard" />;
}
