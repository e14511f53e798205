import { CheckCircleFilled, CopyOutlined } from '@ant-design/icons';
import { Button, Result, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import type { Reported } from './citizenApi.ts';

/** Older browsers and plain-HTTP pages have no async clipboard: select a hidden text area and copy. */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    const copied = document.execCommand('copy');
    area.remove();
    return copied;
  }
}

/** The number and the code, big, with copy and the way to the tracking page: the code is shown only once. */
export function ReportResult({ reported, onAnother }: { reported: Reported; onAnother: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const [copied, setCopied] = useState(false);
  const copy = async () =>
    setCopied(await copyText(t('citizen.result.copyText', { caseNo: reported.caseNo, token: reported.trackingToken })));
  return (
    <div data-testid="report-result">
      <Result
        status="success"
        icon={<CheckCircleFilled />}
        title={t('citizen.result.title')}
        style={{ padding: '8px 0' }}
      />
      <Typography.Paragraph>{t('citizen.result.intro')}</Typography.Paragraph>
      <Typography.Text strong>{t('citizen.result.caseNo')}</Typography.Text>
      <output className="wm-result-code" data-testid="result-case-no">
        {reported.caseNo}
      </output>
      <Typography.Text strong>{t('citizen.result.token')}</Typography.Text>
      <output className="wm-result-code" data-testid="result-token">
        {reported.trackingToken}
      </output>
      <div className="wm-result-actions">
        <Button size="large" block icon={<CopyOutlined />} onClick={copy} data-testid="result-copy">
          {copied ? t('citizen.result.copied') : t('citizen.result.copy')}
        </Button>
        <Button
          type="primary"
          size="large"
          block
          onClick={() => navigate(`/track/${encodeURIComponent(reported.caseNo)}`)}
          data-testid="result-track"
        >
          {t('citizen.result.track')}
        </Button>
        <Button size="large" block type="link" onClick={onAnother}>
          {t('citizen.result.another')}
        </Button>
      </div>
    </div>
  );
}
