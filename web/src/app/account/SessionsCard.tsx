import { App, Card, Table } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { type AccountSession, accountApi } from '../auth/account.ts';
import { errorText } from '../errorText.ts';
import { LoadFailure } from '../LoadFailure.tsx';
import { useT } from '../i18n/I18nProvider.tsx';
import { sessionColumns } from './sessionColumns.tsx';

/** Where I am signed in; any other session can be ended from here (a lost phone, a shared front-desk PC). */
export function SessionsCard() {
  const t = useT();
  const { message } = App.useApp();
  const [sessions, setSessions] = useState<AccountSession[]>();
  const [failure, setFailure] = useState<unknown>();

  const load = useCallback(
    (signal?: AbortSignal) =>
      accountApi
        .sessions(signal)
        .then((rows) => {
          setSessions(rows);
          setFailure(undefined);
        })
        .catch((error: unknown) => {
          if (!signal?.aborted) setFailure(error);
        }),
    [],
  );

  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load]);

  const end = async (id: string) => {
    try {
      await accountApi.endSession(id);
      message.success(t('sessions.ended'));
      await load();
    } catch (error) {
      message.error(errorText(error, t));
    }
  };

  return (
    <Card title={t('sessions.title')} data-testid="sessions-card">
      {failure !== undefined && <LoadFailure error={failure} onRetry={() => void load()} />}
      <Table<AccountSession>
        rowKey="id"
        size="middle"
        columns={sessionColumns(t, end)}
        dataSource={sessions ?? []}
        loading={sessions === undefined && failure === undefined}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
    </Card>
  );
}
