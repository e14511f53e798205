import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { fieldAria } from './Field.tsx';

interface Props {
  checked: boolean;
  error: string | undefined;
  onChange: (checked: boolean) => void;
}

/**
 * 短信告知办理进展 (PIPL: consent, off by default): one SMS at acceptance and one at closing to the phone above,
 * withdrawable on the tracking page. A native checkbox whose label is the whole row, for a large target.
 */
export function SmsConsentField({ checked, error, onChange }: Props) {
  const t = useT();
  const id = 'report-sms-consent';
  return (
    <div className="wm-field">
      <label className="wm-check" htmlFor={id}>
        <input
          {...fieldAria(id, { error, hint: true })}
          type="checkbox"
          checked={checked}
          onChange={(event) => onChange(event.target.checked)}
          data-testid="sms-consent-input"
        />
        <span>{t('citizen.details.smsConsent')}</span>
      </label>
      {error && (
        <div className="wm-field-error" id={`${id}-error`}>
          {error}
        </div>
      )}
      <div className="wm-field-hint" id={`${id}-hint`}>
        {t('citizen.details.smsConsentHint')}
      </div>
    </div>
  );
}
