import { Button, Form, Input, Rate, Typography } from 'antd';
import { useState } from 'react';
import { applyFieldErrors } from '../../../app/api.ts';
import { errorText } from '../../../app/errorText.ts';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import type { MessageKey } from '../../../app/i18n/zh.ts';
import { citizenApi, type Tracking } from './citizenApi.ts';

const levels: readonly MessageKey[] = [
  'citizen.rating.level1',
  'citizen.rating.level2',
  'citizen.rating.level3',
  'citizen.rating.level4',
  'citizen.rating.level5',
];

export function levelKey(score: number): MessageKey {
  return levels[Math.min(levels.length, Math.max(1, Math.round(score))) - 1] ?? 'citizen.rating.level3';
}

interface RatingValues {
  score?: number;
  comment?: string;
}

/** 回访: once the case is closed, the reporter rates the result 1–5, with an optional comment. */
export function RatingForm({
  caseNo,
  token,
  onRated,
}: {
  caseNo: string;
  token: string;
  onRated: (tracking: Tracking) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<RatingValues>();
  const score = Form.useWatch('score', form);
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<string>();

  const submit = async ({ score, comment }: RatingValues) => {
    if (score === undefined) return;
    setSending(true);
    setFailure(undefined);
    try {
      onRated(await citizenApi.rate(caseNo, token, { score, ...(comment?.trim() ? { comment: comment.trim() } : {}) }));
    } catch (error) {
      if (!applyFieldErrors(form, error)) setFailure(errorText(error, t));
      setSending(false);
    }
  };

  return (
    <section className="wm-rating" aria-labelledby="rating-title">
      <Typography.Title level={2} className="wm-report-question" id="rating-title">
        {t('citizen.rating.title')}
      </Typography.Title>
      <Form<RatingValues>
        form={form}
        layout="vertical"
        size="large"
        requiredMark={false}
        onFinish={submit}
        data-testid="rating-form"
      >
        <Form.Item
          label={t('citizen.rating.score')}
          name="score"
          rules={[{ required: true, message: t('citizen.rating.scoreRequired') }]}
          extra={score ? t(levelKey(score)) : undefined}
        >
          <Rate tooltips={levels.map((key) => t(key))} aria-label={t('citizen.rating.score')} />
        </Form.Item>
        <Form.Item label={t('citizen.rating.comment')} name="comment">
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
        {failure && (
          <div className="wm-field-error" role="alert">
            {failure}
          </div>
        )}
        <Button type="primary" htmlType="submit" block loading={sending} data-testid="rating-submit">
          {t('citizen.rating.submit')}
        </Button>
      </Form>
    </section>
  );
}
