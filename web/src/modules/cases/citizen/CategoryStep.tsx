import { useMemo, useState } from 'react';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import type { FormCategory } from './citizenApi.ts';
import { Icon } from './icons.tsx';

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

/**
 * Step 1: what the citizen saw, in plain words, as big buttons under their group's heading (easier to hit on a
 * phone than a long select), narrowed by a search box; choosing one moves on.
 */
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
      <h2 className="wm-report-question" id="report-category-question">
        {t('citizen.category.question')}
      </h2>
      <div className="wm-search">
        <Icon name="search" />
        <input
          type="search"
          className="wm-input"
          enterKeyHint="search"
          placeholder={t('citizen.category.search')}
          aria-label={t('citizen.category.searchLabel')}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          data-testid="category-search"
        />
      </div>
      {error && (
        <div className="wm-field-error" role="alert" tabIndex={-1} data-first-error>
          {error}
        </div>
      )}
      {groups.length === 0 && (
        <p className="wm-field-error" role="status">
          {t('citizen.category.none', { q: query.trim() })}
        </p>
      )}
      {groups.map((group, index) => (
        <section key={group.name} className="wm-category-group" aria-labelledby={`category-group-${index}`}>
          <h3 className="wm-category-group-title" id={`category-group-${index}`}>
            {group.name}
          </h3>
          <div className="wm-category-grid">
            {group.categories.map((category) => (
              <button
                key={category.code}
                type="button"
                className={chosen?.code === category.code ? 'wm-button wm-button-primary' : 'wm-button'}
                aria-pressed={chosen?.code === category.code}
                onClick={() => onChoose(category)}
                data-testid={`category-${category.code}`}
              >
                {category.name}
              </button>
            ))}
          </div>
        </section>
      ))}
    </section>
  );
}
