import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useState } from 'react';
import { errorText } from '../../app/errorText.ts';
import { useT } from '../../app/i18n/I18nProvider.tsx';
import { auditApi, type ChainVerification } from './auditApi.ts';

export type VerifyState =
  | { status: 'idle' }
  | { status: 'checking' }
  | { status: 'done'; result: ChainVerification }
  | { status: 'failed'; error: unknown };

/** Recomputes the county's hash chain on the server: was any row changed, removed or added? */
export function useChainVerification() {
  const [state, setState] = useState<VerifyState>({ status: 'idle' });
  const verify = async () => {
    setState({ status: 'checking' });
    try {
      setState({ status: 'done', result: await auditApi.verify() });
    } catch (error) {
      setState({ status: 'failed', error });
    }
  };
  return { state, verify };
}

export function VerifyButton({ state, onVerify }: { state: VerifyState; onVerify: () => void }) {
  const t = useT();
  return (
    <Button
      icon={<SafetyCertificateOutlined />}
      loading={state.status === 'checking'}
      onClick={onVerify}
      data-testid="audit-verify"
    >
      {t('audit.verify')}
    </Button>
  );
}

export function VerifyResult({ state }: { state: VerifyState }) {
  const t = useT();
  if (state.status === 'failed')
    return <Alert type="error" showIcon title={t('audit.verifyFailed')} description={errorText(state.error, t)} />;
  if (state.status !== 'done') return null;
  const { result } = state;
  if (result.ok) {
    return (
      <Alert
        type="success"
        showIcon
        title={t('audit.chainOk')}
        description={t('audit.chainOkDetail', { checked: result.checked, lastSeq: result.lastSeq })}
        data-testid="audit-verify-result"
      />
    );
  }
  return (
    <Alert
      type="error"
      showIcon
      title={t('audit.chainBroken')}
      description={t('audit.chainBrokenDetail', {
        seq: result.firstBadSeq ?? '?',
        problem: result.problem ? t(`audit.problem.${result.problem}`) : '',
      })}
      data-testid="audit-verify-result"
    />
  );
}
