import { AimOutlined } from '@ant-design/icons';
import { Button, Input, InputNumber, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../../../app/i18n/I18nProvider.tsx';
import type { Translate } from '../../../../app/i18n/translate.ts';
import type { CaseLookups } from '../useCaseLookups.ts';
import { CapturePhotos } from './CapturePhotos.tsx';
import { CategorySearch } from './CategorySearch.tsx';
import { PlaceFields } from './PlaceFields.tsx';
import { rememberCode } from './recentCategories.ts';
import { SendProblem } from './SendProblem.tsx';
import { fieldReportBody } from './staffReportBody.ts';
import type { ReportDraft } from './useReportDraft.ts';
import { type FieldPosition, insideBounds, useFieldPosition } from './useFieldPosition.ts';

/** The form's own checks, in the order of the page; the server checks everything again. */
function fieldProblems(report: ReportDraft, lookups: CaseLookups, position: FieldPosition, t: Translate) {
  const { draft, photos } = report;
  const problems: Record<string, string> = {};
  if (photos.length === 0) problems.photos = t('staffReport.photos.required');
  if (!draft.categoryCode) problems.categoryCode = t('staffReport.category.required');
  const category = lookups.catalogue.categories.find((c) => c.code === draft.categoryCode);
  if (category?.measureUnit === 'm2' && draft.areaM2 === undefined) problems.areaM2 = t('staffReport.area.required');
  if (!draft.regionCode) problems.regionCode = t('staffReport.place.required');
  if (position.status !== 'found' && !draft.address?.trim()) problems.address = t('staffReport.address.required');
  return problems;
}

/**
 * 现场上报 for the 监督员 on a phone: photo first, the phone's position with its accuracy, the category by
 * search, the township preset from their area, a few words if needed; one big button at the bottom.
 */
export function FieldReportForm({ report, lookups, scopeRegion }: Props) {
  const t = useT();
  const { position, locate } = useFieldPosition();
  const { draft, change, errors } = report;
  const category = lookups.catalogue.categories.find((c) => c.code === draft.categoryCode);
  const point = position.status === 'found' ? position : undefined;

  const send = () => {
    const problems = fieldProblems(report, lookups, position, t);
    if (Object.keys(problems).length > 0) return report.setErrors(problems);
    const ids = report.photoIds();
    if ('problem' in ids) return report.setErrors({ photos: t(ids.problem) });
    if (draft.categoryCode) rememberCode(draft.categoryCode);
    void report.sending.submit(fieldReportBody(draft, point, ids.ids));
  };

  return (
    <div className="wm-staff-report" data-testid="field-report-form">
      <Section label={t('staffReport.photos.label')}>
        <CapturePhotos
          photos={report.photos}
          onChange={report.setPhotos}
          uploads={report.uploads.picker}
          camera
          error={errors.photos}
        />
      </Section>
      <Section label={t('staffReport.position.label')}>
        <PositionLine position={position} bounds={lookups.places.bounds} onLocate={locate} error={errors.position} />
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
          placeholder={t(point ? 'staffReport.address.optional' : 'staffReport.address.needed')}
          maxLength={200}
        />
      </Section>
      <Section label={t('staffReport.description.label')}>
        <TextField
          name="description"
          value={draft.description}
          onChange={change}
          error={errors.description}
          placeholder={t('staffReport.description.optional')}
          maxLength={300}
          rows={2}
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

export function Section({ label, children }: { label: string; children: ReactNode }) {
  return (
    <section className="wm-staff-report-section" aria-label={label}>
      <Typography.Text strong className="wm-staff-report-label">
        {label}
      </Typography.Text>
      {children}
    </section>
  );
}

/** Where the phone is: locating, found (± metres, or outside the county), or refused with a retry. */
function PositionLine(props: {
  position: FieldPosition;
  bounds: CaseLookups['places']['bounds'];
  onLocate: () => void;
  error?: string;
}) {
  const t = useT();
  const { position } = props;
  const outside = position.status === 'found' && !insideBounds(position, props.bounds);
  const text =
    position.status === 'locating'
      ? t('staffReport.position.locating')
      : position.status === 'found'
        ? t(outside ? 'staffReport.position.outside' : 'staffReport.position.found', { accuracy: position.accuracyM })
        : t(position.status === 'denied' ? 'staffReport.position.denied' : 'staffReport.position.unavailable');
  return (
    <div className="wm-staff-position">
      <Typography.Text
        type={
          position.status === 'found' && !outside ? 'success' : position.status === 'locating' ? 'secondary' : 'warning'
        }
        role="status"
        data-testid="staff-position"
      >
        {text}
      </Typography.Text>
      {position.status !== 'locating' && (
        <Button icon={<AimOutlined />} onClick={props.onLocate} data-testid="staff-locate">
          {t('staffReport.position.again')}
        </Button>
      )}
      {props.error && (
        <div className="wm-field-error" role="alert">
          {props.error}
        </div>
      )}
    </div>
  );
}

type TextName = 'address' | 'description' | 'ticketNo' | 'callerName' | 'phone';

export function TextField(props: {
  name: TextName;
  value?: string;
  onChange: (patch: Partial<Record<TextName, string>>) => void;
  error?: string;
  placeholder: string;
  maxLength: number;
  rows?: number;
  label?: string;
}) {
  const common = {
    value: props.value,
    placeholder: props.placeholder,
    'aria-label': props.label ?? props.placeholder,
    maxLength: props.maxLength,
    status: props.error ? ('error' as const) : undefined,
    'data-testid': `staff-${props.name}`,
  };
  return (
    <>
      {props.rows ? (
        <Input.TextArea
          {...common}
          rows={props.rows}
          showCount
          onChange={(e) => props.onChange({ [props.name]: e.target.value })}
        />
      ) : (
        <Input {...common} size="large" onChange={(e) => props.onChange({ [props.name]: e.target.value })} />
      )}
      {props.error && (
        <div className="wm-field-error" role="alert">
          {props.error}
        </div>
      )}
    </>
  );
}

export function AreaField(props: { value?: number; onChange: (p: { areaM2?: number }) => void; error?: string }) {
  const t = useT();
  return (
    <>
      <InputNumber
        size="large"
        min={0.1}
        max={1_000_000}
        value={props.value}
        onChange={(v) => props.onChange({ areaM2: typeof v === 'number' ? v : undefined })}
        placeholder={t('staffReport.area.label')}
        aria-label={t('staffReport.area.label')}
        addonAfter={t('staffReport.area.unit')}
        status={props.error ? 'error' : undefined}
        data-testid="staff-area"
      />
      {props.error && (
        <div className="wm-field-error" role="alert">
          {props.error}
        </div>
      )}
    </>
  );
}

/** The big button at the bottom, where a thumb reaches it; the send's problem, if any, just above it. */
export function SubmitBar({ report, onSend }: { report: ReportDraft; onSend: () => void }) {
  const t = useT();
  const { state } = report.sending;
  return (
    <div className="wm-staff-report-bar">
      {report.general && (
        <Typography.Text type="danger" role="alert" data-testid="staff-report-general-error">
          {report.general}
        </Typography.Text>
      )}
      <SendProblem state={state} onRetry={onSend} />
      <Button
        type="primary"
        size="large"
        block
        loading={state.phase === 'sending'}
        onClick={onSend}
        data-testid="staff-report-submit"
      >
        {t('staffReport.submit')}
      </Button>
    </div>
  );
}
