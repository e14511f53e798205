import { CloseOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Input, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useLanguage, useT } from '../../../../app/i18n/I18nProvider.tsx';
import type { CatalogueCategory } from '../../casesApi.ts';
import { categoryName, matchCategories, readRecentCodes } from './recentCategories.ts';
import { FieldError } from './ReportFields.tsx';

interface Props {
  categories: readonly CatalogueCategory[];
  value?: string;
  onChange: (code: string | undefined) => void;
  error?: string;
}

/**
 * 类别: type a code or words of the name to narrow the catalogue; the categories this phone used last come
 * first, and with nothing typed they are all that shows. One tap chooses; the choice shows with a way back.
 */
export function CategorySearch({ categories, value, onChange, error }: Props) {
  const t = useT();
  const { language } = useLanguage();
  const [query, setQuery] = useState('');
  const recent = useMemo(() => readRecentCodes(), []);
  const matches = useMemo(() => matchCategories(categories, query, recent), [categories, query, recent]);
  const chosen = categories.find((c) => c.code === value);

  if (chosen)
    return (
      <div className="wm-category-chosen" data-testid="staff-category-chosen">
        <span>
          <Typography.Text strong>{categoryName(chosen, language)}</Typography.Text>{' '}
          <Typography.Text type="secondary">{chosen.code}</Typography.Text>
        </span>
        <Button icon={<CloseOutlined />} onClick={() => onChange(undefined)} data-testid="staff-category-change">
          {t('staffReport.category.change')}
        </Button>
      </div>
    );

  return (
    <div className="wm-category-search">
      <Input
        size="large"
        allowClear
        prefix={<SearchOutlined aria-hidden="true" />}
        placeholder={t('staffReport.category.search')}
        aria-label={t('staffReport.category.search')}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        status={error ? 'error' : undefined}
        data-testid="staff-category-search"
      />
      <FieldError message={error} />
      <Typography.Text type="secondary" className="wm-category-hint">
        {query.trim() === ''
          ? t(recent.length > 0 ? 'staffReport.category.recent' : 'staffReport.category.typeToSearch')
          : matches.length === 0
            ? t('staffReport.category.none', { q: query.trim() })
            : t('staffReport.category.matches', { count: matches.length })}
      </Typography.Text>
      <div className="wm-category-matches">
        {matches.map((c) => (
          <Button
            key={c.code}
            size="large"
            block
            onClick={() => {
              onChange(c.code);
              setQuery('');
            }}
            data-testid={`staff-category-${c.code}`}
          >
            <span className="wm-category-match-name">{categoryName(c, language)}</span>
            <span className="wm-category-match-code">{c.code}</span>
          </Button>
        ))}
      </div>
    </div>
  );
}
