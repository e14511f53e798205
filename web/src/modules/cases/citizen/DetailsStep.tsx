import { useT } from '../../../app/i18n/I18nProvider.tsx';
import type { FormCategory } from './citizenApi.ts';
import { Field, fieldAria } from './Field.tsx';
import type { ReportDraft } from './reportDraft.ts';
import { SmsConsentField } from './SmsConsentField.tsx';

type DetailsDraft = Pick<ReportDraft, 'description' | 'areaM2' | 'phone' | 'smsConsent'>;

interface Props {
  category?: FormCategory;
  draft: DetailsDraft;
  errors: Readonly<Record<string, string>>;
  onChange: (change: Partial<DetailsDraft>) => void;
}

/** A typed area: empty or not a number is no area yet (the step's check asks for one). */
function areaOf(text: string): number | undefined {
  const value = Number.parseFloat(text);
  return Number.isFinite(value) ? value : undefined;
}

/** Step 4: a few words, the area for 私搭乱建-like categories, an optional phone for the follow-up call and SMS. */
export function DetailsStep({ category, draft, errors, onChange }: Props) {
  const t = useT();
  return (
    <section aria-labelledby="report-details-question">
      <h2 className="wm-report-question" id="report-details-question">
        {t('citizen.report.step.details')}
      </h2>
      <Field id="report-description" label={t('citizen.details.description')} error={errors.description}>
        <textarea
          {...fieldAria('report-description', { error: errors.description, required: true })}
          className="wm-input"
          rows={4}
          value={draft.description}
          maxLength={4000}
          placeholder={t('citizen.details.descriptionPlaceholder')}
          onChange={(event) => onChange({ description: event.target.value })}
          data-testid="description-input"
        />
      </Field>
      {category?.needsArea && (
        <Field id="report-area" label={t('citizen.details.area')} error={errors.areaM2} hint={category.hint}>
          <input
            {...fieldAria('report-area', { error: errors.areaM2, hint: category.hint, required: true })}
            className="wm-input"
            type="number"
            inputMode="decimal"
            min={0.1}
            max={1_000_000}
            step="any"
            defaultValue={draft.areaM2}
            onChange={(event) => onChange({ areaM2: areaOf(event.target.value) })}
            data-testid="area-input"
          />
        </Field>
      )}
      <Field
        id="report-phone"
        label={t('citizen.details.phone')}
        error={errors.phone}
        hint={t('citizen.details.phoneHint')}
      >
        <input
          {...fieldAria('report-phone', { error: errors.phone, hint: true })}
          className="wm-input"
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          maxLength={20}
          value={draft.phone}
          onChange={(event) => onChange({ phone: event.target.value })}
          data-testid="phone-input"
        />
      </Field>
      <SmsConsentField
        checked={draft.smsConsent === true}
        error={errors.smsConsent}
        onChange={(smsConsent) => onChange({ smsConsent })}
      />
    </section>
  );
}
