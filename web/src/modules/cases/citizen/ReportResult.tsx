import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import type { Reported } from './citizenApi.ts';
import { Icon } from './icons.tsx';

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
  const title = useRef<HTMLHeadingElement>(null);
  // The page changed under the reader's finger: start them (and their screen reader) at the good news.
  useEffect(() => title.current?.focus(), []);
  const copy = async () =>
    setCopied(await copyText(t('citizen.result.copyText', { caseNo: reported.caseNo, token: reported.trackingToken })));
  return (
    <div data-testid="report-result">
      <h2 className="wm-result-title" ref={title} tabIndex={-1}>
        <Icon name="done" />
        {t('citizen.result.title')}
      </h2>
      <p>{t('citizen.result.intro')}</p>
      <strong>{t('citizen.result.caseNo')}</strong>
      <output className="wm-result-code" data-testid="result-case-no">
        {reported.caseNo}
      </output>
      <strong>{t('citizen.result.token')}</strong>
      <output className="wm-result-code" data-testid="result-token">
        {reported.trackingToken}
      </output>
      <div className="wm-result-actions">
        <button type="button" className="wm-button wm-button-block" onClick={copy} data-testid="result-copy">
          <Icon name="copy" />
          <span aria-live="polite">{copied ? t('citizen.result.copied') : t('citizen.result.copy')}</span>
        </button>
        <button
          type="button"
          className="wm-button wm-button-primary wm-button-block"
          onClick={() => navigate(`/track/${encodeURIComponent(reported.caseNo)}`)}
          data-testid="result-track"
        >
          {t('citizen.result.track')}
        </button>
        <button type="button" className="wm-button wm-button-link wm-button-block" onClick={onAnother}>
          {t('citizen.result.another')}
        </button>
      </div>
    </div>
  );
}
