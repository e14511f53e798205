import { Card, Empty, List, Typography } from 'antd';
import { useCallback } from 'react';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../format.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { inboxApi } from '../inbox/inbox.ts';
import { LoadFailure } from '../LoadFailure.tsx';
import { useLoad } from '../useLoad.ts';

const shown = 5;

/** The inbox's open to-dos (the shared inbox: deadlines, requests to decide, …), the oldest kept first by the server. */
export function InboxTodos() {
  const t = useT();
  const load = useCallback(
    (signal: AbortSignal) => inboxApi.list({ kind: 'todo', state: 'open', page: 1, pageSize: shown }, signal),
    [],
  );
  const todos = useLoad(load);
  const more = (todos.data?.total ?? 0) - (todos.data?.items.length ?? 0);
  return (
    <Card
      title={t('home.todosTitle')}
      extra={<Link to="/inbox">{t('home.todosAll')}</Link>}
      loading={todos.loading && todos.data === undefined}
      data-testid="home-todos"
    >
      {todos.error !== undefined && <LoadFailure error={todos.error} onRetry={todos.reload} />}
      {todos.data && todos.data.items.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.todosEmpty')} />
      )}
      {todos.data && todos.data.items.length > 0 && (
        <List
          size="small"
          dataSource={todos.data.items}
          renderItem={(item) => (
            <List.Item
              actions={
                item.link
                  ? [
                      <Link key="open" to={item.link}>
                        {t('home.todoOpen')}
                      </Link>,
                    ]
                  : []
              }
              data-testid="home-todo"
            >
              <List.Item.Meta
                title={<Typography.Text>{item.text}</Typography.Text>}
                description={formatDateTime(item.createdAt)}
              />
            </List.Item>
          )}
          footer={more > 0 ? <Link to="/inbox">{t('home.todosMore', { count: more })}</Link> : undefined}
        />
      )}
    </Card>
  );
}
