import { ComingSoon } from '../../app/ComingSoon.tsx';

/** 示范园区 — the demonstration-park issue replaces this page. */
export default function ProjectsPage() {
  return <ComingSoon module="projects" />;
}
