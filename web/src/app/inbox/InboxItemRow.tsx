import { Button, List, Space, Tag, Typography } from 'antd';
import { formatDateTime } from '../format.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import type { InboxItem } from './inbox.ts';

interface Props {
  item: InboxItem;
  onOpen: (item: InboxItem) => void;
  onRead: (item: InboxItem) => void;
  onDone: (item: InboxItem) => void;
}

function StateTag({ item }: { item: InboxItem }) {
  const t = useT();
  if (item.kind === 'message') return <Tag>{t('inbox.kind.message')}</Tag>;
  if (!item.doneAt) return <Tag color="orange">{t('inbox.kind.todo')}</Tag>;
  return <Tag color="green">{t(item.doneBy === 'record' ? 'inbox.doneByRecord' : 'inbox.done')}</Tag>;
}

/** One to-do or message: what it says, when, and what can be done with it (open the record, read, done). */
export function InboxItemRow({ item, onOpen, onRead, onDone }: Props) {
  const t = useT();
  const actions = [
    item.link && (
      <Button key="open" type="link" size="small" onClick={() => onOpen(item)}>
        {t('inbox.open')}
      </Button>
    ),
    !item.readAt && (
      <Button key="read" type="link" size="small" onClick={() => onRead(item)}>
        {t('inbox.markRead')}
      </Button>
    ),
    item.kind === 'todo' && !item.doneAt && (
      <Button key="done" type="link" size="small" onClick={() => onDone(item)}>
        {t('inbox.markDone')}
      </Button>
    ),
  ].filter(Boolean);
  return (
    <List.Item
      className={item.readAt ? 'wm-inbox-item' : 'wm-inbox-item wm-inbox-item-unread'}
      data-testid="inbox-item"
      actions={actions}
    >
      <List.Item.Meta
        title={
          <Space size={4} wrap>
            <StateTag item={item} />
            {!item.readAt && <Tag color="blue">{t('inbox.unread')}</Tag>}
            <Typography.Text className="wm-inbox-text">{item.text}</Typography.Text>
          </Space>
        }
        description={formatDateTime(item.createdAt)}
      />
    </List.Item>
  );
}
