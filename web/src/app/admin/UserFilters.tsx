import { Flex, Input, Select } from 'antd';
import { useT } from '../i18n/I18nProvider.tsx';
import './admin.css';
import type { UserQuery } from './users.ts';

type StatusFilter = 'all' | 'active' | 'disabled';

/** Search by name or login, filter by status; both start again from the first page. */
export function UserFilters({ query, onChange }: { query: UserQuery; onChange: (change: Partial<UserQuery>) => void }) {
  const t = useT();
  return (
    <Flex gap={12} wrap className="wm-filters">
      <Input.Search
        allowClear
        enterButton
        defaultValue={query.q}
        placeholder={t('users.searchPlaceholder')}
        aria-label={t('users.search')}
        maxLength={40}
        onSearch={(value) => onChange({ q: value.trim() || undefined, page: 1 })}
        className="wm-filter-search"
        data-testid="user-search"
      />
      <Select<StatusFilter>
        value={query.status ?? 'all'}
        aria-label={t('users.status')}
        onChange={(status) => onChange({ status: status === 'all' ? undefined : status, page: 1 })}
        options={[
          { value: 'all', label: t('users.statusAll') },
          { value: 'active', label: t('users.statusActive') },
          { value: 'disabled', label: t('users.statusDisabled') },
        ]}
        className="wm-filter-select"
        data-testid="user-status-filter"
      />
    </Flex>
  );
}
