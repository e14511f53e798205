import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Alert, Descriptions, Typography } from 'antd';
import { formatDateTime } from '../format.ts';
import { useLanguage, useT } from '../i18n/I18nProvider.tsx';
import type { Verification } from './useVerification.ts';

/** Valid, or 已作废 with when and why: the first thing a person holding the paper needs to know. */
function StatusBanner({ verification }: { verification: Verification }) {
  const t = useT();
  if (verification.status === 'revoked') {
    return (
      <Alert
        type="error"
        showIcon
        icon={<CloseCircleFilled />}
        title={t('verify.revoked')}
        description={t('verify.revokedDetail', {
          at: formatDateTime(verification.revokedAt),
          reason: verification.revokeReason ?? '',
        })}
        data-testid="verify-status-revoked"
      />
    );
  }
  return (
    <Alert
      type="success"
      showIcon
      icon={<CheckCircleFilled />}
      title={t('verify.valid')}
      data-testid="verify-status-valid"
    />
  );
}

/** What the server answered for the code: kind, issuer, date, digest, and only the kind's public fields. */
export function VerificationResult({ verification }: { verification: Verification }) {
  const t = useT();
  const { language } = useLanguage();
  const items = [
    { key: 'kind', label: t('verify.kind'), children: verification.kindTitle[language] },
    { key: 'title', label: t('verify.documentTitle'), children: verification.title },
    { key: 'issuer', label: t('verify.issuer'), children: verification.issuer.organ },
    ...(verification.issuer.department
      ? [{ key: 'department', label: t('verify.department'), children: verification.issuer.department }]
      : []),
    { key: 'issuedAt', label: t('verify.issuedAt'), children: formatDateTime(verification.issuedAt) },
    ...verification.publicFields.map((field, i) => ({
      key: `public-${i}`,
      label: field.label[language],
      children: field.value,
    })),
    {
      key: 'hash',
      label: t('verify.hash'),
      children: (
        <Typography.Text code copyable className="wm-verify-hash" data-testid="verify-hash">
          {verification.contentSha256}
        </Typography.Text>
      ),
    },
  ];
  return (
    <div className="wm-verify-result" data-testid="verify-result">
      <StatusBanner verification={verification} />
      <Descriptions column={1} size="small" bordered items={items} className="wm-verify-facts" />
      <Typography.Paragraph type="secondary" className="wm-verify-note">
        {t('verify.hashHelp')} {t('verify.privacy')}
      </Typography.Paragraph>
    </div>
  );
}
