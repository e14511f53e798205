import { Button, Flex, List, Segmented } from 'antd';
import { useT } from '../i18n/I18nProvider.tsx';
import { LoadFailure } from '../LoadFailure.tsx';
import { PageHeading } from '../PageHeading.tsx';
import { InboxItemRow } from './InboxItemRow.tsx';
import { type InboxFilter, inboxFilters, inboxPageSize, useInboxPage } from './useInboxPage.ts';
import './inbox.css';
import { EmptyListText } from '../EmptyListText.tsx';

/** `/inbox`: my to-dos (open ones first) and messages, each linking to its record. */
export function InboxPage() {
  const t = useT();
  const inbox = useInboxPage();
  const { data, error, loading, reload } = inbox.list;
  return (
    <Flex vertical gap={16} data-testid="inbox-page">
      <PageHeading title={t('inbox.title')} intro={t('inbox.intro')} />
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Segmented<InboxFilter>
          value={inbox.filter}
          onChange={inbox.setFilter}
          options={inboxFilters.map((value) => ({ value, label: t(`inbox.filter.${value}`) }))}
        />
        <Button onClick={() => void inbox.readAll()} data-testid="inbox-read-all">
          {t('inbox.readAll')}
        </Button>
      </Flex>
      {error ? (
        <LoadFailure error={error} onRetry={reload} />
      ) : (
        <List
          itemLayout="vertical"
          loading={loading}
          dataSource={data?.items ?? []}
          locale={{ emptyText: <EmptyListText>{t('inbox.empty')}</EmptyListText> }}
          renderItem={(item) => (
            <InboxItemRow item={item} onOpen={inbox.open} onRead={inbox.read} onDone={inbox.done} />
          )}
          pagination={
            (data?.total ?? 0) > inboxPageSize && {
              current: inbox.page,
              pageSize: inboxPageSize,
              total: data?.total ?? 0,
              onChange: inbox.setPage,
              size: 'small',
            }
          }
        />
      )}
    </Flex>
  );
}
