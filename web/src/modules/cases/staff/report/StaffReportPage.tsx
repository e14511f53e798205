import { Alert, Flex, Segmented, Spin } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useAuth } from '../../../../app/auth/AuthProvider.tsx';
import { sessionPermissions } from '../../../../app/auth/permissions.ts';
import { useT } from '../../../../app/i18n/I18nProvider.tsx';
import { LoadFailure } from '../../../../app/LoadFailure.tsx';
import { PageHeading } from '../../../../app/PageHeading.tsx';
import { type CaseLookups, useCaseLookups } from '../useCaseLookups.ts';
import { FieldReportForm } from './FieldReportForm.tsx';
import { HotlineIntakeForm } from './HotlineIntakeForm.tsx';
import { initialRegion } from './PlaceFields.tsx';
import { ReportedResult } from './ReportedResult.tsx';
import { useReportDraft } from './useReportDraft.ts';
import './staffReport.css';

export type ReportKind = 'field' | 'hotline';

/** The kind of report the page opens on: what the URL asks for when the person may, else the desk's own. */
export function reportKindFor(asked: string | null, canHotline: boolean): ReportKind {
  if (!canHotline) return 'field';
  return asked === 'field' ? 'field' : 'hotline';
}

/**
 * 上报: for everyone who holds `cases.report`. The 热线受理 holder (the dispatcher's desk) switches between a
 * 12345 intake and a report of their own; everyone else gets the field form.
 */
export function StaffReportPage() {
  const t = useT();
  const { session } = useAuth();
  const permissions = sessionPermissions(session);
  const [params, setParams] = useSearchParams();
  const lookups = useCaseLookups();
  const canHotline = permissions.has('cases.hotline');
  const kind = reportKindFor(params.get('kind'), canHotline);
  const scopeRegion = session.status === 'signed-in' ? session.user.scopeRegion : '';

  if (!permissions.has('cases.report'))
    return <Alert type="warning" showIcon title={t('forbidden.title')} description={t('forbidden.description')} />;
  return (
    <Flex vertical gap={12} className="wm-staff-report-page">
      <PageHeading
        title={t(kind === 'hotline' ? 'staffReport.title.hotline' : 'staffReport.title.field')}
        intro={t(kind === 'hotline' ? 'staffReport.intro.hotline' : 'staffReport.intro.field')}
      />
      {canHotline && (
        <Segmented<ReportKind>
          block
          size="large"
          value={kind}
          onChange={(next) => setParams({ kind: next }, { replace: true })}
          options={[
            { value: 'hotline', label: t('staffReport.kind.hotline') },
            { value: 'field', label: t('staffReport.kind.field') },
          ]}
          data-testid="staff-report-kind"
        />
      )}
      {lookups.error !== undefined && <LoadFailure error={lookups.error} onRetry={lookups.reload} />}
      {lookups.data ? (
        <ReportFlow key={kind} kind={kind} lookups={lookups.data} scopeRegion={scopeRegion} />
      ) : (
        lookups.loading && <Spin />
      )}
    </Flex>
  );
}

/** One draft at a time: the form, then the answer with "再报一件", which starts the next draft. */
function ReportFlow({ kind, lookups, scopeRegion }: { kind: ReportKind; lookups: CaseLookups; scopeRegion: string }) {
  const report = useReportDraft({ regionCode: initialRegion(scopeRegion) });
  const { state } = report.sending;
  if (state.phase === 'done')
    return (
      <ReportedResult reported={state.reported} showTrackingCode={kind === 'hotline'} onAnother={report.anotherOne} />
    );
  return kind === 'hotline' ? (
    <HotlineIntakeForm report={report} lookups={lookups} scopeRegion={scopeRegion} />
  ) : (
    <FieldReportForm report={report} lookups={lookups} scopeRegion={scopeRegion} />
  );
}
