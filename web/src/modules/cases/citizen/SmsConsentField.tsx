import { Checkbox, Form } from 'antd';
import { useT } from '../../../app/i18n/I18nProvider.tsx';

interface Props {
  checked: boolean;
  error: string | undefined;
  onChange: (checked: boolean) => void;
}

/**
 * 短信告知办理进展 (PIPL: consent, off by default): one SMS at acceptance and one at closing to the phone above,
 * withdrawable on the tracking page.
 */
export function SmsConsentField({ checked, error, onChange }: Props) {
  const t = useT();
  return (
    <Form.Item validateStatus={error ? 'error' : undefined} help={error ?? t('citizen.details.smsConsentHint')}>
      <Checkbox
        id="report-sms-consent"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        data-testid="sms-consent-input"
      >
        {t('citizen.details.smsConsent')}
      </Checkbox>
    </Form.Item>
  );
}
