import { Alert, Button, Card, Descriptions, type DescriptionsProps, Skeleton, Tag } from 'antd';
import { errorText } from '../errorText.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import type { Translate } from '../i18n/translate.ts';
import type { Meta } from '../meta/meta.ts';
import { useMeta } from '../meta/MetaProvider.tsx';

const unknownValue = '—';

/** What this installation is, exactly as `/api/meta` reports it. */
export function MetaPanel() {
  const t = useT();
  const { state, reload } = useMeta();
  return (
    <Card title={t('home.systemTitle')} data-testid="meta-panel" data-state={state.status}>
      {state.status === 'loading' && <Skeleton active paragraph={{ rows: 2 }} />}
      {state.status === 'failed' && (
        <Alert
          type="error"
          showIcon
          title={t('meta.loadFailed')}
          description={errorText(state.error, t)}
          action={<Button onClick={reload}>{t('app.retry')}</Button>}
        />
      )}
      {state.status === 'ready' && <Descriptions column={{ xs: 1, sm: 2, xl: 4 }} items={metaItems(state.meta, t)} />}
    </Card>
  );
}

function metaItems(meta: Meta, t: Translate): DescriptionsProps['items'] {
  return [
    { key: 'county', label: t('meta.county'), children: countyText(meta, t) },
    { key: 'database', label: t('meta.database'), children: engineText(meta.engine, t) },
    { key: 'version', label: t('meta.version'), children: meta.version || unknownValue },
    {
      key: 'demo',
      label: t('meta.demo'),
      children: meta.demo ? <Tag color="orange">{t('meta.demoOn')}</Tag> : <Tag>{t('meta.demoOff')}</Tag>,
    },
  ];
}

function countyText(meta: Meta, t: Translate): string {
  const { name, code } = meta.county;
  if (name && code) return t('meta.countyValue', { name, code });
  return name || code || unknownValue;
}

function engineText(engine: string, t: Translate): string {
  if (engine === 'pglite' || engine === 'postgres') return t(`meta.engine.${engine}`);
  // An engine this shell does not know yet is still worth showing as the server names it.
  return engine || unknownValue;
}
