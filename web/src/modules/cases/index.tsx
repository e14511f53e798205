import { ComingSoon } from '../../app/ComingSoon.tsx';

/** 市容案件 — the case-loop issue replaces this page. */
export default function CasesPage() {
  return <ComingSoon module="cases" />;
}
