import { Alert, Button, Form, Input, Spin } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { LoadFailure } from '../LoadFailure.tsx';
import { useT } from '../i18n/I18nProvider.tsx';
import { AuthFrame } from '../login/AuthFrame.tsx';
import { useVerification } from './useVerification.ts';
import { VerificationResult } from './VerificationResult.tsx';
import './verify.css';

/** The code as typed from paper: the printed dashes and spaces go, case does not matter (the server agrees). */
const canonical = (typed: string) => typed.replace(/[-\s]/g, '').toLowerCase();

function CodeForm() {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Form
      layout="vertical"
      size="large"
      onFinish={({ code }: { code: string }) => navigate(`/verify/${canonical(code)}`)}
    >
      <Form.Item
        name="code"
        label={t('verify.codeLabel')}
        rules={[{ required: true, message: t('verify.codeRequired') }]}
      >
        <Input placeholder={t('verify.codePlaceholder')} autoComplete="off" data-testid="verify-code-input" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block data-testid="verify-submit">
        {t('verify.submit')}
      </Button>
    </Form>
  );
}

function CodeLookup({ code }: { code: string }) {
  const t = useT();
  const navigate = useNavigate();
  const result = useVerification(code);
  return (
    <>
      {result.state === 'loading' && <Spin size="large" description={t('app.loading')} />}
      {result.state === 'found' && <VerificationResult verification={result.verification} />}
      {result.state === 'notFound' && (
        <Alert type="warning" showIcon title={t('verify.notFound')} data-testid="verify-not-found" />
      )}
      {result.state === 'failed' && <LoadFailure error={result.error} onRetry={result.retry} />}
      <Button size="large" block className="wm-verify-again" onClick={() => navigate('/verify')}>
        {t('verify.another')}
      </Button>
    </>
  );
}

/**
 * `/verify` and `/verify/:code`: public, phone first. What the QR on every printed document opens — the kind,
 * issuer, date and content digest, and whether it was revoked — with nothing personal beyond the kind's own list.
 */
export default function VerifyPage() {
  const t = useT();
  const { code } = useParams();
  return (
    <AuthFrame title={t('verify.title')} subtitle={code ? undefined : t('verify.intro')} wide>
      {code ? <CodeLookup code={code} /> : <CodeForm />}
    </AuthFrame>
  );
}
