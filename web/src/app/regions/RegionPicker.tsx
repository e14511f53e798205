import { Cascader } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useT } from '../i18n/I18nProvider.tsx';
import { fetchRegion, type Region } from './regions.ts';

export interface RegionOption {
  value: string;
  label: string;
  isLeaf: boolean;
  children?: RegionOption[];
}

const toOption = (region: Region): RegionOption => ({
  value: region.code,
  label: region.name,
  isLeaf: region.level === 'village',
});

/** Replaces the children of the option `code` anywhere in the tree. */
function withChildren(options: RegionOption[], code: string, children: RegionOption[]): RegionOption[] {
  return options.map((option) => {
    if (option.value === code) return { ...option, children, isLeaf: children.length === 0 };
    return option.children ? { ...option, children: withChildren(option.children, code, children) } : option;
  });
}

/** The codes between `root` and `code`, both included (区划 codes nest by length: 6, 9, 12 digits). */
export function pathFromRoot(root: string, code: string): string[] {
  if (!code.startsWith(root)) return [];
  return [
    root,
    ...[9, 12].filter((length) => length > root.length && length <= code.length).map((length) => code.slice(0, length)),
  ];
}

/**
 * Picks a data scope: the county, a township or a village, from `root` (the administrator's own scope) down.
 * Levels load as they are opened; an existing value's branch is loaded up front so it shows by name.
 */
export function RegionPicker({
  root,
  value,
  onChange,
  id,
}: {
  root: string;
  value?: string;
  onChange?: (code: string | undefined) => void;
  id?: string;
}) {
  const t = useT();
  const [options, setOptions] = useState<RegionOption[]>([]);
  const [failed, setFailed] = useState(false);

  const loadChildren = useCallback(async (code: string) => {
    const detail = await fetchRegion(code);
    setOptions((current) => withChildren(current, code, detail.children.map(toOption)));
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the initial branch is loaded once per root; later values are picked from loaded options.
  useEffect(() => {
    let cancelled = false;
    (async () => {
      const detail = await fetchRegion(root);
      if (cancelled) return;
      setOptions([
        { ...toOption(detail.region), children: detail.children.map(toOption), isLeaf: detail.children.length === 0 },
      ]);
      for (const code of pathFromRoot(root, value ?? '').slice(1, -1)) await loadChildren(code);
    })().catch(() => setFailed(true));
    return () => {
      cancelled = true;
    };
  }, [root]);

  return (
    <Cascader<RegionOption>
      id={id}
      options={options}
      value={value ? pathFromRoot(root, value) : []}
      changeOnSelect
      placeholder={failed ? t('region.loadFailed') : t('region.placeholder')}
      status={failed ? 'error' : undefined}
      loadData={(selected) => {
        const last = selected[selected.length - 1];
        if (last && !last.children) void loadChildren(last.value).catch(() => setFailed(true));
      }}
      onChange={(path) => onChange?.(path?.[path.length - 1] as string | undefined)}
      style={{ width: '100%' }}
      data-testid="region-picker"
    />
  );
}
