import { ComingSoon } from '../../app/ComingSoon.tsx';

/** 市场监管检查 — the market-inspection issue replaces this page. */
export default function InspectionsPage() {
  return <ComingSoon module="inspections" />;
}
