import { ComingSoon } from '../../app/ComingSoon.tsx';

/** 志愿服务 — the volunteer-service issue replaces this page. */
export default function VolunteersPage() {
  return <ComingSoon module="volunteers" />;
}
