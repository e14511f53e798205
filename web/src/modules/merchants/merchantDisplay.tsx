import { Tag } from 'antd';
import { noValue } from '../../app/format.ts';
import { useT } from '../../app/i18n/I18nProvider.tsx';
import type { Merchant, MerchantStatus, RiskGrade } from './merchantsApi.ts';

/** Each colour carries a tag's white text at ≥ 4.5:1 (WCAG 1.4.3), as the cases tags do. */
const statusColors: Record<MerchantStatus, string> = {
  open: '#237804',
  suspended: '#ad4e00',
  closed: '#595959',
};

/** A (lowest risk) to D (highest): green to red, the order inspectors read them in. */
const gradeColors: Record<RiskGrade, string> = {
  A: '#237804',
  B: '#0958d9',
  C: '#ad4e00',
  D: '#a8071a',
};

export function MerchantStatusTag({ status }: { status: MerchantStatus }) {
  const t = useT();
  return (
    <Tag color={statusColors[status]} data-testid="merchant-status">
      {t(`merchants.status.${status}`)}
    </Tag>
  );
}

export function RiskGradeTag({ grade }: { grade: RiskGrade | null }) {
  const t = useT();
  if (grade === null) return <>{noValue}</>;
  return (
    <Tag color={gradeColors[grade]} data-testid="merchant-grade">
      {t('merchants.grade.value', { grade })}
    </Tag>
  );
}

/** 重点监管 · 校园周边 · 市场摊位: the flags a record has, as small tags. */
export function MerchantFlags({
  merchant,
}: {
  merchant: Pick<Merchant, 'supervised' | 'schoolSurroundings' | 'marketStall'>;
}) {
  const t = useT();
  return (
    <>
      {merchant.supervised && <Tag>{t('merchants.flag.supervised')}</Tag>}
      {merchant.schoolSurroundings && <Tag>{t('merchants.flag.schoolSurroundings')}</Tag>}
      {merchant.marketStall && <Tag>{t('merchants.flag.marketStall')}</Tag>}
    </>
  );
}
