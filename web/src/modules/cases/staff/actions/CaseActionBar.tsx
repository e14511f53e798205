import { App, Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../../../app/i18n/I18nProvider.tsx';
import type { ApiError } from '../../../../app/api.ts';
import type { CaseDetail, Department } from '../../casesApi.ts';
import { ActionDialog } from './ActionDialog.tsx';
import { type ActionKey, actionButtons, actionSpecs, withheldNotes } from './caseActionButtons.ts';

/** What the user may do with the case now, each button opening its small form. */
export function CaseActionBar({
  detail,
  departments,
  onUpdated,
  onConflict,
}: {
  detail: CaseDetail;
  departments: Department[];
  onUpdated: (detail: CaseDetail) => void;
  onConflict: (error: ApiError) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [open, setOpen] = useState<ActionKey>();
  const buttons = actionButtons(detail);
  const withheld = withheldNotes(detail.withheldActions).map((key) => (
    <Typography.Text key={key} type="secondary" data-testid="case-withheld">
      {t(key)}
    </Typography.Text>
  ));

  if (buttons.length === 0)
    return withheld.length > 0 ? (
      withheld
    ) : (
      <Typography.Text type="secondary">{t('cases.actionsNone')}</Typography.Text>
    );
  return (
    <>
      {withheld}
      <Space wrap data-testid="case-actions">
        {buttons.map((key, index) => (
          <Button
            key={key}
            type={index === 0 ? 'primary' : 'default'}
            danger={actionSpecs[key].danger}
            onClick={() => setOpen(key)}
            data-testid={`case-action-${key}`}
          >
            {t(`cases.action.${key}`)}
          </Button>
        ))}
      </Space>
      {open && (
        <ActionDialog
          key={`${open}-${detail.revision}`}
          action={open}
          detail={detail}
          departments={departments}
          onClose={() => setOpen(undefined)}
          onDone={(updated) => {
            setOpen(undefined);
            onUpdated(updated);
            const done = actionSpecs[open].done;
            message.success(done ? t(done) : t('cases.actionDone', { action: t(`cases.action.${open}`) }));
          }}
          onConflict={(error) => {
            setOpen(undefined);
            onConflict(error);
          }}
        />
      )}
    </>
  );
}
