import { Button, Popconfirm, type TableColumnsType, Tag, Tooltip } from 'antd';
import type { AccountSession } from '../auth/account.ts';
import { formatDateTime, noValue } from '../format.ts';
import type { Translate } from '../i18n/translate.ts';
import { describeUserAgent } from './userAgent.ts';

/** The sessions table: the device (this one tagged), where from, when it began, was last seen and ends. */
export function sessionColumns(t: Translate, onEnd: (id: string) => Promise<void>): TableColumnsType<AccountSession> {
  return [
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
            onConfirm={() => onEnd(row.id)}
          >
            <Button danger size="small">
              {t('sessions.end')}
            </Button>
          </Popconfirm>
        ),
    },
  ];
}
