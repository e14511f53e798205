import { EyeOutlined } from '@ant-design/icons';
import { Button, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useCan } from '../auth/permissions.ts';
import { noValue } from '../format.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { revealPersonalData, revealSeconds } from './pii.ts';
import './pii.css';
import { RevealReasonDialog } from './RevealReasonDialog.tsx';

interface Revealed {
  value: string;
  secondsLeft: number;
}

/**
 * A masked personal value (`138****5678`) with a reveal button for those allowed to see it. The clear value
 * is asked for with a reason, shown for 30 seconds with a countdown, then masked again. The field's reveal
 * permission is `pii.reveal.<field>` unless the server's revealer names another (`permission`).
 */
export function RevealField({
  objectType,
  objectId,
  field,
  masked,
  permission = `pii.reveal.${field}`,
  revealLabel,
}: {
  objectType: string;
  objectId: string;
  field: string;
  masked: string | null;
  permission?: string;
  /** The reveal button's accessible name when the value is not a number (a name): "show the full number" by default. */
  revealLabel?: string;
}) {
  const t = useT();
  const can = useCan();
  const [asking, setAsking] = useState(false);
  const [revealed, setRevealed] = useState<Revealed>();

  useEffect(() => {
    if (!revealed) return;
    const timer = window.setTimeout(
      () => setRevealed(revealed.secondsLeft <= 1 ? undefined : { ...revealed, secondsLeft: revealed.secondsLeft - 1 }),
      1000,
    );
    return () => window.clearTimeout(timer);
  }, [revealed]);

  if (!masked) return <>{noValue}</>;
  const allowed = can('pii.reveal') && can(permission);

  const reveal = async (reason: string) => {
    const { values } = await revealPersonalData({ objectType, objectId, fields: [field], reason });
    setAsking(false);
    const value = values[field];
    if (value) setRevealed({ value, secondsLeft: revealSeconds });
  };

  return (
    <span className="wm-reveal" data-testid={`reveal-${field}`}>
      {revealed ? (
        <Tooltip title={t('pii.hidesIn', { seconds: revealed.secondsLeft })}>
          <Typography.Text strong copyable data-testid="revealed-value">
            {revealed.value}
          </Typography.Text>
          <Typography.Text type="secondary" className="wm-reveal-countdown">
            {t('pii.secondsShort', { seconds: revealed.secondsLeft })}
          </Typography.Text>
        </Tooltip>
      ) : (
        <span>{masked}</span>
      )}
      {allowed && !revealed && (
        <Button
          type="link"
          size="small"
          icon={<EyeOutlined />}
          onClick={() => setAsking(true)}
          aria-label={revealLabel ?? t('pii.revealLabel')}
        >
          {t('pii.reveal')}
        </Button>
      )}
      {allowed && <RevealReasonDialog open={asking} onCancel={() => setAsking(false)} onReveal={reveal} />}
    </span>
  );
}
