import { SearchOutlined } from '@ant-design/icons';
import { Button, Input, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import type { FormCategory } from './citizenApi.ts';

interface Group {
  name: string;
  categories: FormCategory[];
}

/** Groups in the order the server lists them (the catalogue's order), keeping each group's own order. */
export function groupCategories(categories: readonly FormCategory[], query: string): Group[] {
  const words = query.trim().toLowerCase();
  const groups = new Map<string, FormCategory[]>();
  for (const category of categories) {
    const text = `${category.name} ${category.group} ${category.hint ?? ''}`.toLowerCase();
    if (words !== '' && !text.includes(words)) continue;
    groups.set(category.group, [...(groups.get(category.group) ?? []), category]);
  }
  return [...groups].map(([name, list]) => ({ name, categories: list }));
}

/** Step 1: what the citizen saw, in plain words, as big buttons; choosing one moves on. */
export function CategoryStep({
  categories,
  chosen,
  error,
  onChoose,
}: {
  categories: readonly FormCategory[];
  chosen?: FormCategory;
  error?: string;
  onChoose: (category: FormCategory) => void;
}) {
  const t = useT();
  const [query, setQuery] = useState('');
  const groups = useMemo(() => groupCategories(categories, query), [categories, query]);
  return (
    <section aria-labelledby="report-category-question">
      <Typography.Title level={2} className="wm-report-question" id="report-category-question">
        {t('citizen.category.question')}
      </Typography.Title>
      <Input
        size="large"
        allowClear
        prefix={<SearchOutlined aria-hidden="true" />}
        placeholder={t('citizen.category.search')}
        aria-label={t('citizen.category.searchLabel')}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        data-testid="category-search"
      />
      {error && (
        <div className="wm-field-error" role="alert">
          {error}
        </div>
      )}
      {groups.length === 0 && (
        <Typography.Paragraph className="wm-field-error">
          {t('citizen.category.none', { q: query.trim() })}
        </Typography.Paragraph>
      )}
      {groups.map((group, index) => (
        <section key={group.name} className="wm-category-group" aria-labelledby={`category-group-${index}`}>
          <h3 className="wm-category-group-title" id={`category-group-${index}`}>
            {group.name}
          </h3>
          <div className="wm-category-grid">
            {group.categories.map((category) => (
              <Button
                key={category.code}
                size="large"
                type={chosen?.code === category.code ? 'primary' : 'default'}
                aria-pressed={chosen?.code === category.code}
                onClick={() => onChoose(category)}
                data-testid={`category-${category.code}`}
              >
                {category.name}
              </Button>
            ))}
          </div>
        </section>
      ))}
    </section>
  );
}
