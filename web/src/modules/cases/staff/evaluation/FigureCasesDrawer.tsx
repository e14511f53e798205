import { Drawer, Flex, Grid, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useT } from '../../../../app/i18n/I18nProvider.tsx';
import { LoadFailure } from '../../../../app/LoadFailure.tsx';
import { useLoad } from '../../../../app/useLoad.ts';
import { CaseList } from '../CaseList.tsx';
import { type Dimension, evaluationApi, type FigureRef, type Period } from './evaluationApi.ts';

interface DrawerProps {
  period: Period;
  groupBy: Dimension;
  figure: FigureRef;
  onClose: () => void;
}

/** The cases behind one figure: as many as it shows, newest report first, each opening its case page. */
export function FigureCasesDrawer({ period, groupBy, figure, onClose }: DrawerProps) {
  const t = useT();
  const isPhone = Grid.useBreakpoint().sm === false;
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const { from, to } = period;
  const load = useCallback(
    (signal: AbortSignal) => evaluationApi.cases({ from, to }, groupBy, figure, paging.page, paging.pageSize, signal),
    [from, to, groupBy, figure, paging],
  );
  const cases = useLoad(load);
  // biome-ignore lint/correctness/useExhaustiveDependencies: each answer is judged at the instant it came.
  const now = useMemo(() => Date.now(), [cases.data]);
  const data = cases.data;
  const title = data
    ? t('cases.eval.drill.title', { group: data.groupName, measure: t(`cases.eval.measure.${data.measure}`) })
    : t(`cases.eval.measure.${figure.measure}`);
  return (
    <Drawer open onClose={onClose} title={title} size={isPhone ? '100%' : 880} destroyOnHidden data-testid="eval-drill">
      <Flex vertical gap={12}>
        {data && (
          <Typography.Text type="secondary" data-testid="eval-drill-total">
            {t('cases.eval.drill.total', { n: data.total })} · {t('cases.eval.range', { from, to })}
          </Typography.Text>
        )}
        {cases.error !== undefined && <LoadFailure error={cases.error} onRetry={cases.reload} />}
        <CaseList
          result={data && { ...data, totalCapped: false }}
          loading={cases.loading}
          now={now}
          paging={{
            ...paging,
            onChange: (page, pageSize) => setPaging({ page: pageSize === paging.pageSize ? page : 1, pageSize }),
          }}
        />
      </Flex>
    </Drawer>
  );
}
