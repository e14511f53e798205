import { ComingSoon } from '../../app/ComingSoon.tsx';

/** 特殊群体服务专区 — the service-desk issue replaces this page. */
export default function ServiceDeskPage() {
  return <ComingSoon module="service-desk" />;
}
