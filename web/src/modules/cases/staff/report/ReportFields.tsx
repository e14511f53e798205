import { Input, InputNumber, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../../../app/i18n/I18nProvider.tsx';
import type { ReportDraft } from './useReportDraft.ts';

/** One step of a staff report: a labelled block the screen reader announces by its label. */
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

/** A field's problem, right under it; nothing while there is none. */
export function FieldError({ message, testId }: { message?: string; testId?: string }) {
  if (!message) return null;
  return (
    <div className="wm-field-error" role="alert" data-testid={testId}>
      {message}
    </div>
  );
}

type TextName = 'address' | 'description' | 'ticketNo' | 'callerName' | 'phone';

/** A text field of the draft: its value, its change and its problem come from the draft by name. */
export function TextField(props: {
  report: ReportDraft;
  name: TextName;
  placeholder: string;
  maxLength: number;
  rows?: number;
}) {
  const { draft, change, errors } = props.report;
  const error = errors[props.name];
  const common = {
    value: draft[props.name],
    placeholder: props.placeholder,
    'aria-label': props.placeholder,
    maxLength: props.maxLength,
    status: error ? ('error' as const) : undefined,
    'data-testid': `staff-${props.name}`,
  };
  return (
    <>
      {props.rows ? (
        <Input.TextArea
          {...common}
          rows={props.rows}
          showCount
          onChange={(e) => change({ [props.name]: e.target.value })}
        />
      ) : (
        <Input {...common} size="large" onChange={(e) => change({ [props.name]: e.target.value })} />
      )}
      <FieldError message={error} />
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
      <FieldError message={props.error} />
    </>
  );
}
