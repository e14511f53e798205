import { ComingSoon } from '../../app/ComingSoon.tsx';

/** 医保两病与异地结算 — the insurance issue replaces this page. */
export default function InsurancePage() {
  return <ComingSoon module="insurance" />;
}
