import { Form, Input, InputNumber, Typography } from 'antd';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import type { FormCategory } from './citizenApi.ts';
import type { ReportDraft } from './reportDraft.ts';
import { SmsConsentField } from './SmsConsentField.tsx';

type DetailsDraft = Pick<ReportDraft, 'description' | 'areaM2' | 'phone' | 'smsConsent'>;

interface Props {
  category?: FormCategory;
  draft: DetailsDraft;
  errors: Readonly<Record<string, string>>;
  onChange: (change: Partial<DetailsDraft>) => void;
}

const status = (message: string | undefined) => (message ? 'error' : undefined);

/** Step 4: a few words, the area for 私搭乱建-like categories, an optional phone for the follow-up call and SMS. */
export function DetailsStep({ category, draft, errors, onChange }: Props) {
  const t = useT();
  return (
    <section aria-labelledby="report-details-question">
      <Typography.Title level={2} className="wm-report-question" id="report-details-question">
        {t('citizen.report.step.details')}
      </Typography.Title>
      <Form layout="vertical" requiredMark={false} size="large" component="div">
        <Form.Item
          label={t('citizen.details.description')}
          htmlFor="report-description"
          required
          validateStatus={status(errors.description)}
          help={errors.description}
        >
          <Input.TextArea
            id="report-description"
            value={draft.description}
            maxLength={4000}
            autoSize={{ minRows: 3, maxRows: 8 }}
            placeholder={t('citizen.details.descriptionPlaceholder')}
            onChange={(event) => onChange({ description: event.target.value })}
            data-testid="description-input"
          />
        </Form.Item>
        {category?.needsArea && (
          <Form.Item
            label={t('citizen.details.area')}
            htmlFor="report-area"
            required
            validateStatus={status(errors.areaM2)}
            help={errors.areaM2 ?? category.hint ?? undefined}
          >
            <InputNumber
              id="report-area"
              inputMode="decimal"
              min={0.1}
              max={1_000_000}
              step={1}
              style={{ width: '100%' }}
              value={draft.areaM2 ?? null}
              onChange={(value) => onChange({ areaM2: value ?? undefined })}
              data-testid="area-input"
            />
          </Form.Item>
        )}
        <Form.Item
          label={t('citizen.details.phone')}
          htmlFor="report-phone"
          validateStatus={status(errors.phone)}
          help={errors.phone ?? t('citizen.details.phoneHint')}
        >
          <Input
            id="report-phone"
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            maxLength={20}
            value={draft.phone}
            onChange={(event) => onChange({ phone: event.target.value })}
            data-testid="phone-input"
          />
        </Form.Item>
        <SmsConsentField
          checked={draft.smsConsent === true}
          error={errors.smsConsent}
          onChange={(smsConsent) => onChange({ smsConsent })}
        />
      </Form>
    </section>
  );
}
