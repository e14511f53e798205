import { Checkbox, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../../../../app/i18n/I18nProvider.tsx';
import type { Translate } from '../../../../app/i18n/translate.ts';
import { modulePath } from '../../../../app/modules.ts';
import type { CaseLookups } from '../useCaseLookups.ts';
import { FieldError, Section, TextField } from './ReportFields.tsx';
import {
  CategorySection,
  DescriptionSection,
  PhotosSection,
  PlaceSection,
  type ReportFormProps,
} from './ReportSections.tsx';
import { categoryProblems, placeProblems, type ReportProblems } from './reportProblems.ts';
import { SubmitBar } from './SubmitBar.tsx';
import { caseNoIn, type HotlineDraft, hotlineIntakeBody } from './staffReportBody.ts';
import type { ReportDraft } from './useReportDraft.ts';
import { useSendReport } from './useSendReport.ts';

/** A mobile number as the operator may key it: 11 digits starting 1, spaces, dashes or +86 around them. */
const mobileLike = /^(\+?86)?1\d{10}$/;

/** The form's own checks: a phone that is a mobile number if given, the place in words, the category, the call. */
function intakeProblems(draft: HotlineDraft, lookups: CaseLookups, t: Translate) {
  const problems: ReportProblems = {};
  const phone = draft.phone?.replace(/[\s-]/g, '') ?? '';
  if (phone !== '' && !mobileLike.test(phone)) problems.phone = t('staffReport.caller.phoneInvalid');
  if (!draft.description?.trim()) problems.description = t('staffReport.description.required');
  return { ...problems, ...placeProblems(draft, true, t), ...categoryProblems(draft, lookups, t) };
}

/**
 * 12345 热线受理: the dispatcher files a caller's report on their behalf — the ticket number, the caller (name
 * and phone optional, stored encrypted, shown masked afterwards), township and address instead of a position,
 * what the caller said; photos only if the caller sent some.
 */
export function HotlineIntakeForm({ report, lookups, scopeRegion }: ReportFormProps) {
  const t = useT();
  const { draft, errors } = report;
  const send = useSendReport(
    report,
    () => intakeProblems(draft, lookups, t),
    (uploadIds) => hotlineIntakeBody(draft, uploadIds),
  );

  return (
    <div className="wm-staff-report" data-testid="hotline-intake-form">
      <Section label={t('staffReport.ticket.label')}>
        <TextField report={report} name="ticketNo" placeholder={t('staffReport.ticket.placeholder')} maxLength={60} />
        <ExistingCase message={errors.ticketNo} />
      </Section>
      <CallerSection report={report} />
      <PlaceSection report={report} lookups={lookups} scopeRegion={scopeRegion} addressNeeded />
      <CategorySection report={report} lookups={lookups} />
      <DescriptionSection
        report={report}
        label={t('staffReport.description.callLabel')}
        placeholder={t('staffReport.description.call')}
        maxLength={2000}
        rows={4}
      />
      <PhotosSection report={report} label={t('staffReport.photos.optionalLabel')} camera={false} />
      <SubmitBar report={report} onSend={send} />
    </div>
  );
}

/** 来电人: name and phone, both optional; SMS consent only once there is a phone to send to. */
function CallerSection({ report }: { report: ReportDraft }) {
  const t = useT();
  const { draft, change, errors } = report;
  const hasPhone = (draft.phone?.trim() ?? '') !== '';
  return (
    <Section label={t('staffReport.caller.label')}>
      <TextField report={report} name="callerName" placeholder={t('staffReport.caller.name')} maxLength={40} />
      <TextField report={report} name="phone" placeholder={t('staffReport.caller.phone')} maxLength={20} />
      {hasPhone && (
        <Checkbox
          checked={draft.smsConsent === true}
          onChange={(e) => change({ smsConsent: e.target.checked })}
          data-testid="staff-sms-consent"
        >
          {t('staffReport.caller.smsConsent')}
        </Checkbox>
      )}
      <FieldError message={errors.smsConsent} />
      <Typography.Text type="secondary">{t('staffReport.caller.privacy')}</Typography.Text>
    </Section>
  );
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
