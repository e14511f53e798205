import { ComingSoon } from '../../app/ComingSoon.tsx';

/** 商户与门前三包 — the merchants and frontage-duty issue replaces this page. */
export default function MerchantsPage() {
  return <ComingSoon module="merchants" />;
}
