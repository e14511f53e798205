import { Descriptions, type DescriptionsProps, Typography } from 'antd';
import { noValue } from '../../app/format.ts';
import { useT } from '../../app/i18n/I18nProvider.tsx';
import { RoleTags } from '../../app/roles.tsx';
import type { AuditEvent } from './auditApi.ts';

const text = (value: string | null) => value ?? noValue;

/** Everything stored with one event, hashes included, so an auditor can check a row by hand. */
export function AuditEventDetails({ event }: { event: AuditEvent }) {
  const t = useT();
  const items: DescriptionsProps['items'] = [
    { key: 'seq', label: t('audit.seq'), children: event.seq },
    { key: 'id', label: t('audit.id'), children: <Typography.Text copyable>{event.id}</Typography.Text> },
    { key: 'actorId', label: t('audit.actorId'), children: text(event.actorId) },
    { key: 'roles', label: t('audit.actorRoles'), children: <RoleTags roles={event.actorRoles} /> },
    { key: 'session', label: t('audit.sessionId'), children: text(event.sessionId) },
    { key: 'request', label: t('audit.requestId'), children: text(event.requestId) },
    { key: 'userAgent', label: t('audit.userAgent'), children: text(event.userAgent), span: 'filled' },
    { key: 'reason', label: t('audit.reasonCode'), children: text(event.reasonCode) },
    {
      key: 'details',
      label: t('audit.details'),
      span: 'filled',
      children:
        Object.keys(event.details).length === 0 ? (
          noValue
        ) : (
          <pre className="wm-audit-json">{JSON.stringify(event.details, null, 2)}</pre>
        ),
    },
    {
      key: 'prevHash',
      label: t('audit.prevHash'),
      span: 'filled',
      children: <code className="wm-audit-hash">{event.prevHash}</code>,
    },
    {
      key: 'hash',
      label: t('audit.hash'),
      span: 'filled',
      children: <code className="wm-audit-hash">{event.hash}</code>,
    },
  ];
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, md: 2 }}
      items={items}
      data-testid={`audit-details-${event.seq}`}
    />
  );
}
