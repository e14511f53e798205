import { Checkbox, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../../../../app/i18n/I18nProvider.tsx';
import type { Translate } from '../../../../app/i18n/translate.ts';
import { modulePath } from '../../../../app/modules.ts';
import type { CaseLookups } from '../useCaseLookups.ts';
import { CapturePhotos } from './CapturePhotos.tsx';
import { CategorySearch } from './CategorySearch.tsx';
import { AreaField, Section, SubmitBar, TextField } from './FieldReportForm.tsx';
import { PlaceFields } from './PlaceFields.tsx';
import { rememberCode } from './recentCategories.ts';
import { caseNoIn, type HotlineDraft, hotlineIntakeBody } from './staffReportBody.ts';
import type { ReportDraft } from './useReportDraft.ts';

/** A mobile number as the operator may key it: 11 digits starting 1, spaces, dashes or +86 around them. */
const mobileLike = /^(\+?86)?1\d{10}$/;

function intakeProblems(draft: HotlineDraft, lookups: CaseLookups, t: Translate) {
  const problems: Record<string, string> = {};
  const phone = draft.phone?.replace(/[\s-]/g, '') ?? '';
  if (phone !== '' && !mobileLike.test(phone)) problems.phone = t('staffReport.caller.phoneInvalid');
  if (!draft.regionCode) problems.regionCode = t('staffReport.place.required');
  if (!draft.address?.trim()) problems.address = t('staffReport.address.required');
  if (!draft.categoryCode) problems.categoryCode = t('staffReport.category.required');
  const category = lookups.catalogue.categories.find((c) => c.code === draft.categoryCode);
  if (category?.measureUnit === 'm2' && draft.areaM2 === undefined) problems.areaM2 = t('staffReport.area.required');
  if (!draft.description?.trim()) problems.description = t('staffReport.description.required');
  return problems;
}

/**
 * 12345 热线受理: the dispatcher files a caller's report on their behalf — the ticket number, the caller (name
 * and phone optional, stored encrypted, shown masked afterwards), township and address instead of a position,
 * what the caller said; photos only if the caller sent some.
 */
export function HotlineIntakeForm({ report, lookups, scopeRegion }: Props) {
  const t = useT();
  const { draft, change, errors } = report;
  const category = lookups.catalogue.categories.find((c) => c.code === draft.categoryCode);
  const hasPhone = (draft.phone?.trim() ?? '') !== '';

  const send = () => {
    const problems = intakeProblems(draft, lookups, t);
    if (Object.keys(problems).length > 0) return report.setErrors(problems);
    const ids = report.photoIds();
    if ('problem' in ids) return report.setErrors({ photos: t(ids.problem) });
    if (draft.categoryCode) rememberCode(draft.categoryCode);
    void report.sending.submit(hotlineIntakeBody(draft, ids.ids));
  };

  return (
    <div className="wm-staff-report" data-testid="hotline-intake-form">
      <Section label={t('staffReport.ticket.label')}>
        <TextField
          name="ticketNo"
          value={draft.ticketNo}
          onChange={change}
          error={errors.ticketNo}
          placeholder={t('staffReport.ticket.placeholder')}
          maxLength={60}
        />
        <ExistingCase message={errors.ticketNo} />
      </Section>
      <Section label={t('staffReport.caller.label')}>
        <TextField
          name="callerName"
          value={draft.callerName}
          onChange={change}
          error={errors.callerName}
          placeholder={t('staffReport.caller.name')}
          maxLength={40}
        />
        <TextField
          name="phone"
          value={draft.phone}
          onChange={change}
          error={errors.phone}
          placeholder={t('staffReport.caller.phone')}
          maxLength={20}
        />
        {hasPhone && (
          <Checkbox
            checked={draft.smsConsent === true}
            onChange={(e) => change({ smsConsent: e.target.checked })}
            data-testid="staff-sms-consent"
          >
            {t('staffReport.caller.smsConsent')}
          </Checkbox>
        )}
        {errors.smsConsent && (
          <div className="wm-field-error" role="alert">
            {errors.smsConsent}
          </div>
        )}
        <Typography.Text type="secondary">{t('staffReport.caller.privacy')}</Typography.Text>
      </Section>
      <Section label={t('staffReport.place.label')}>
        <PlaceFields
          townships={lookups.places.townships}
          scopeRegion={scopeRegion}
          value={draft.regionCode}
          onChange={(regionCode) => change({ regionCode })}
          error={errors.regionCode}
        />
        <TextField
          name="address"
          value={draft.address}
          onChange={change}
          error={errors.address}
          placeholder={t('staffReport.address.needed')}
          maxLength={200}
        />
      </Section>
      <Section label={t('staffReport.category.label')}>
        <CategorySearch
          categories={lookups.catalogue.categories}
          value={draft.categoryCode}
          onChange={(categoryCode) => change({ categoryCode, areaM2: undefined })}
          error={errors.categoryCode}
        />
        {category?.measureUnit === 'm2' && <AreaField value={draft.areaM2} onChange={change} error={errors.areaM2} />}
      </Section>
      <Section label={t('staffReport.description.callLabel')}>
        <TextField
          name="description"
          value={draft.description}
          onChange={change}
          error={errors.description}
          placeholder={t('staffReport.description.call')}
          maxLength={2000}
          rows={4}
        />
      </Section>
      <Section label={t('staffReport.photos.optionalLabel')}>
        <CapturePhotos
          photos={report.photos}
          onChange={report.setPhotos}
          uploads={report.uploads.picker}
          camera={false}
          error={errors.photos}
        />
      </Section>
      <SubmitBar report={report} onSend={send} />
    </div>
  );
}

interface Props {
  report: ReportDraft;
  lookups: CaseLookups;
  scopeRegion: string;
}

/** A ticket already taken in: the way to the case it became. */
function ExistingCase({ message }: { message?: string }) {
  const t = useT();
  const caseNo = caseNoIn(message);
  if (!caseNo) return null;
  return (
    <Link to={`${modulePath('cases')}/${caseNo}`} data-testid="staff-ticket-existing">
      {t('staffReport.ticket.openExisting', { caseNo })}
    </Link>
  );
}
