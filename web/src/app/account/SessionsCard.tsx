import { App, Button, Card, Popconfirm, Table, type TableColumnsType, Tag, Tooltip } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { type AccountSession, accountApi } from '../auth/account.ts';
import { errorText } from '../errorText.ts';
import { formatDateTime, noValue } from '../format.ts';
import { LoadFailure } from '../LoadFailure.tsx';
import { useT } from '../i18n/I18nProvider.tsx';
import { describeUserAgent } from './userAgent.ts';

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

  const columns: TableColumnsType<AccountSession> = [
    {
      key: 'device',
      title: t('sessions.device'),
      render: (_, row) => (
        <span>
          <Tooltip title={row.userAgent ?? undefined}>
            {describeUserAgent(row.userAgent) ?? t('sessions.unknownDevice')}
          </Tooltip>
          {row.current && (
            <Tag color="green" className="wm-tag-after">
              {t('sessions.current')}
            </Tag>
          )}
        </span>
      ),
    },
    { key: 'ip', title: t('sessions.ip'), dataIndex: 'sourceIp', render: (ip: string | null) => ip ?? noValue },
    {
      key: 'created',
      title: t('sessions.createdAt'),
      dataIndex: 'createdAt',
      render: (at: string) => formatDateTime(at),
    },
    {
      key: 'lastSeen',
      title: t('sessions.lastSeenAt'),
      dataIndex: 'lastSeenAt',
      render: (at: string) => formatDateTime(at),
    },
    {
      key: 'expires',
      title: t('sessions.expiresAt'),
      dataIndex: 'expiresAt',
      render: (at: string) => formatDateTime(at),
    },
    {
      key: 'actions',
      title: t('table.actions'),
      render: (_, row) =>
        row.current ? null : (
          <Popconfirm
            title={t('sessions.endConfirm')}
            okText={t('sessions.end')}
            cancelText={t('app.cancel')}
            onConfirm={() => end(row.id)}
          >
            <Button danger size="small">
              {t('sessions.end')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <Card title={t('sessions.title')} data-testid="sessions-card">
      {failure !== undefined && <LoadFailure error={failure} onRetry={() => void load()} />}
      <Table<AccountSession>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={sessions ?? []}
        loading={sessions === undefined && failure === undefined}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
    </Card>
  );
}
