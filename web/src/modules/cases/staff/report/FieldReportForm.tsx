import { useT } from '../../../../app/i18n/I18nProvider.tsx';
import type { Translate } from '../../../../app/i18n/translate.ts';
import type { CaseLookups } from '../useCaseLookups.ts';
import { PositionLine } from './PositionLine.tsx';
import { Section } from './ReportFields.tsx';
import {
  CategorySection,
  DescriptionSection,
  PhotosSection,
  PlaceSection,
  type ReportFormProps,
} from './ReportSections.tsx';
import { categoryProblems, placeProblems, type ReportProblems } from './reportProblems.ts';
import { SubmitBar } from './SubmitBar.tsx';
import { fieldReportBody } from './staffReportBody.ts';
import { type FieldPosition, useFieldPosition } from './useFieldPosition.ts';
import type { ReportDraft } from './useReportDraft.ts';
import { useSendReport } from './useSendReport.ts';

/** The form's own checks: a photo, the category, the place — in words when the phone found no position. */
function fieldProblems(report: ReportDraft, lookups: CaseLookups, position: FieldPosition, t: Translate) {
  const problems: ReportProblems = {};
  if (report.photos.length === 0) problems.photos = t('staffReport.photos.required');
  return {
    ...problems,
    ...categoryProblems(report.draft, lookups, t),
    ...placeProblems(report.draft, position.status !== 'found', t),
  };
}

/**
 * 现场上报 for the 监督员 on a phone: photo first, the phone's position with its accuracy, the category by
 * search, the township preset from their area, a few words if needed; one big button at the bottom.
 */
export function FieldReportForm({ report, lookups, scopeRegion }: ReportFormProps) {
  const t = useT();
  const { position, locate } = useFieldPosition();
  const point = position.status === 'found' ? position : undefined;
  const send = useSendReport(
    report,
    () => fieldProblems(report, lookups, position, t),
    (uploadIds) => fieldReportBody(report.draft, point, uploadIds),
  );

  return (
    <div className="wm-staff-report" data-testid="field-report-form">
      <PhotosSection report={report} label={t('staffReport.photos.label')} camera />
      <Section label={t('staffReport.position.label')}>
        <PositionLine
          position={position}
          bounds={lookups.places.bounds}
          onLocate={locate}
          error={report.errors.position}
        />
      </Section>
      <CategorySection report={report} lookups={lookups} />
      <PlaceSection report={report} lookups={lookups} scopeRegion={scopeRegion} addressNeeded={!point} />
      <DescriptionSection
        report={report}
        label={t('staffReport.description.label')}
        placeholder={t('staffReport.description.optional')}
        maxLength={300}
        rows={2}
      />
      <SubmitBar report={report} onSend={send} />
    </div>
  );
}
