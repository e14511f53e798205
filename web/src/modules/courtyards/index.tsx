import { ComingSoon } from '../../app/ComingSoon.tsx';

/** 最美庭院 — the courtyard-evaluation issue replaces this page. */
export default function CourtyardsPage() {
  return <ComingSoon module="courtyards" />;
}
