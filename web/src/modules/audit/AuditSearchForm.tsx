import { SearchOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Col, DatePicker, Form, Input, Row, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useT } from '../../app/i18n/I18nProvider.tsx';
import type { AuditFilters } from './auditApi.ts';
import { eventTypeLabel, knownEventTypes } from './eventTypes.ts';

interface SearchValues {
  range?: [Dayjs | null, Dayjs | null] | null;
  eventType?: string;
  outcome?: 'success' | 'failure' | 'all';
  actorId?: string;
  objectType?: string;
  objectId?: string;
  q?: string;
}

const trimmed = (value: string | undefined) => value?.trim() || undefined;

/** Form values → the API's filters: times as ISO instants, blanks left out. */
export function filtersOf(values: SearchValues): AuditFilters {
  const [from, to] = values.range ?? [];
  return {
    from: from?.toISOString(),
    to: to?.toISOString(),
    eventType: trimmed(values.eventType),
    outcome: values.outcome === 'all' ? undefined : values.outcome,
    actorId: trimmed(values.actorId),
    objectType: trimmed(values.objectType),
    objectId: trimmed(values.objectId),
    q: trimmed(values.q),
  };
}

/** Who did what to which object, when, with what outcome; fields stack on phones. */
export function AuditSearchForm({ onSearch }: { onSearch: (filters: AuditFilters) => void }) {
  const t = useT();
  const [form] = Form.useForm<SearchValues>();

  return (
    <Form<SearchValues>
      form={form}
      layout="vertical"
      initialValues={{ outcome: 'all' }}
      onFinish={(values) => onSearch(filtersOf(values))}
      data-testid="audit-search"
    >
      <Row gutter={16}>
        <WhenAndWhat />
        <WhoAndWhich />
      </Row>
      <Space wrap>
        <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="audit-search-submit">
          {t('audit.search')}
        </Button>
        <Button
          onClick={() => {
            form.resetFields();
            onSearch({});
          }}
        >
          {t('audit.reset')}
        </Button>
      </Space>
    </Form>
  );
}

/** When, which kind of event (a known type or a prefix), and how it ended. */
function WhenAndWhat() {
  const t = useT();
  const eventOptions = knownEventTypes.map((value) => ({ value, label: `${eventTypeLabel(value, t)} (${value})` }));
  return (
    <>
      <Col xs={24} lg={12}>
        <Form.Item label={t('audit.timeRange')} name="range">
          <DatePicker.RangePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            allowEmpty={[true, true]}
            style={{ width: '100%' }}
          />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12} lg={6}>
        <Form.Item label={t('audit.eventType')} name="eventType" extra={t('audit.eventTypeHint')}>
          <AutoComplete
            options={eventOptions}
            allowClear
            filterOption={(input, option) => String(option?.label ?? '').includes(input)}
          >
            <Input data-testid="audit-event-type" />
          </AutoComplete>
        </Form.Item>
      </Col>
      <Col xs={24} sm={12} lg={6}>
        <Form.Item label={t('audit.outcome')} name="outcome">
          <Select
            options={[
              { value: 'all', label: t('audit.outcomeAll') },
              { value: 'success', label: t('audit.outcomeSuccess') },
              { value: 'failure', label: t('audit.outcomeFailure') },
            ]}
            data-testid="audit-outcome"
          />
        </Form.Item>
      </Col>
    </>
  );
}

/** Who acted, on what, and free words. */
function WhoAndWhich() {
  const t = useT();
  return (
    <>
      <Col xs={24} sm={12} lg={6}>
        <Form.Item label={t('audit.actorId')} name="actorId">
          <Input allowClear maxLength={200} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12} lg={6}>
        <Form.Item label={t('audit.objectType')} name="objectType">
          <Input allowClear maxLength={100} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12} lg={6}>
        <Form.Item label={t('audit.objectId')} name="objectId">
          <Input allowClear maxLength={200} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12} lg={6}>
        <Form.Item label={t('audit.q')} name="q">
          <Input allowClear maxLength={100} placeholder={t('audit.qPlaceholder')} />
        </Form.Item>
      </Col>
    </>
  );
}
